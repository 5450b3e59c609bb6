package dev.keygate.adapter.cli;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate completion bash}: a completion script for every command and option. */
@Command(
    name = "completion",
    description = {
      "Prints a bash completion script for keygate: its commands, their options and the values"
          + " some options take. zsh can use it too, after 'autoload -U +X bashcompinit &&"
          + " bashcompinit'."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate completion bash > ~/.local/share/bash-completion/completions/keygate",
      "  source <(keygate completion bash)    # in this shell only"
    })
public final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Parameters(
      paramLabel = "SHELL",
      completionCandidates = Shells.class,
      description = "the shell: bash")
  String shell;

  @Override
  public Integer call() {
    if (!"bash".equals(shell)) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for SHELL: '" + shell + "' is not bash");
    }
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** What shell completion offers. */
  static final class Shells implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("bash").iterator();
    }
  }
}
