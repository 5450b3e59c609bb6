package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --help} of every local command, and the bash completion script that knows them all. */
class CliHelpAndCompletionTest {

  @TempDir Path directory;

  @Test
  void everyLocalCommand_hasHelpWithItsOptionsAndAnExample_withoutOpeningTheDatabase() {
    List<List<String>> commands = localCommands();
    // Every local command, in the order keygate --help lists them (init and serve are Main's own).
    assertThat(commands.stream().map(command -> String.join(" ", command)))
        .containsExactly(
            "orgs create",
            "orgs list",
            "orgs rename",
            "orgs delete",
            "orgs rate-limits",
            "users create",
            "users list",
            "users rename",
            "users delete",
            "users rate-limits",
            "apis register",
            "apis list",
            "apis show",
            "apis delete",
            "scopes add",
            "scopes list",
            "scopes delete",
            "keys create",
            "keys create-root",
            "keys list",
            "keys show",
            "keys update",
            "keys usage",
            "keys rotate",
            "keys disable",
            "keys enable",
            "keys revoke",
            "keys verify",
            "grants list",
            "grants set",
            "grants remove",
            "audit list",
            "applications create",
            "applications list",
            "applications get",
            "applications update",
            "applications delete",
            "applications rotate-secret",
            "webhooks create",
            "webhooks list",
            "webhooks show",
            "webhooks update",
            "webhooks delete",
            "webhooks rotate-secret",
            "webhooks deliveries",
            "webhooks redeliver",
            "signing-keys roll",
            "portal-link",
            "completion");

    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      Cli.Result help = Cli.run(Cli.environment(directory), directory, args.toArray(String[]::new));
      String name = "keygate " + String.join(" ", command);

      assertThat(help.code()).as(name).isZero();
      assertThat(help.err()).as(name).isEmpty();
      assertThat(help.out())
          .as(name)
          .startsWith("Usage: " + name + " ")
          .contains("--help", "--verbose")
          .containsPattern("\nExamples?:\n  keygate " + String.join(" ", command) + "[ \n]");
      String examples = help.out().split("\nExamples?:\n", 2)[1];
      assertThat(examples.lines())
          .as(name + ": examples, none wrapped at 80 columns")
          .allSatisfy(line -> assertThat(line).startsWith("  "));
      assertThat(help.out()).as(name).doesNotContain("--version");
      // The sentence after the usage lines says what the command does.
      assertThat(help.out().split("\n\\S", 2)[1]).as(name).hasSizeGreaterThan(30);
      if (!command.get(0).equals("completion")) {
        assertThat(help.out())
            .as(name)
            .contains("--output=FORMAT", "table (default)", "json")
            .contains("--db-url=URL", "KEYGATE_DB_URL", "--db-user", "--db-password");
      }
    }
    assertThat(directory.resolve("keygate.mv.db")).doesNotExist();
  }

  @Test
  void everyGroup_listsItsCommands() {
    Cli.Result keys = Cli.run(Map.of(), directory, "keys", "--help");

    assertThat(keys.code()).isZero();
    assertThat(keys.out())
        .contains("Commands:")
        .containsPattern("\n  create +Issues an API key")
        .containsPattern("\n  verify +Checks an API key");
    for (String group : List.of("orgs", "users", "apis", "scopes", "audit")) {
      assertThat(Cli.run(Map.of(), directory, group, "--help").out())
          .as(group)
          .contains("Commands:", "  list ");
    }
  }

  @Test
  void completionBash_isAScriptBashAccepts_thatCompletesCommandsOptionsAndValues()
      throws IOException, InterruptedException {
    Cli.Result completion = Cli.run(Map.of(), directory, "completion", "bash");
    assertThat(completion.code()).isZero();
    assertThat(completion.err()).isEmpty();
    Path script = directory.resolve("keygate-completion.bash");
    Files.writeString(script, completion.out());

    assertThat(bash("bash", "-n", script.toString())).isEqualTo("exit 0\n");
    assertThat(completion.out())
        .contains("complete -F _complete_keygate")
        .contains("_picocli_keygate_keys_verify", "_picocli_keygate_audit_list");

    assertThat(complete(script, "keygate ke")).containsExactly("keys");
    assertThat(complete(script, "keygate keys ro")).containsExactly("rotate");
    assertThat(complete(script, "keygate keys rotate --g")).containsExactly("--grace");
    assertThat(complete(script, "keygate keys list --status "))
        .containsExactly("active", "inactive", "revoked");
    assertThat(complete(script, "keygate apis list --output ")).containsExactly("table", "json");
  }

  @Test
  void completionForAnotherShell_isAUsageError() {
    Cli.Result zsh = Cli.run(Map.of(), directory, "completion", "zsh");

    assertThat(zsh.code()).isEqualTo(2);
    assertThat(zsh.errLines())
        .containsExactly(
            "keygate completion: Invalid value for SHELL: 'zsh' is not bash (see 'keygate"
                + " completion --help')");
    assertThat(zsh.out()).isEmpty();
  }

  @Test
  void theReadmeWalkthrough_usesOnlyCommandsAndOptionsThatExist() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section =
        readme.substring(
            readme.indexOf("## Use it from the command line"), readme.indexOf("## Embed it"));
    Launch launch = Cli.launch(Map.of(), directory, server -> {});
    CommandLine keygate =
        Main.commandLine(launch, new LocalNode(launch), InputStream.nullInputStream());

    List<String> used = new ArrayList<>();
    for (String line : section.replace("\\\n", " ").split("\n")) {
      if (!line.startsWith("$ ")) {
        continue;
      }
      String[] words = line.split("\\s+");
      for (int i = 0; i < words.length; i++) {
        if (!words[i].endsWith("./keygate")) {
          continue;
        }
        CommandLine command = keygate;
        int next = i + 1;
        while (next < words.length && command.getSubcommands().containsKey(words[next])) {
          command = command.getSubcommands().get(words[next++]);
        }
        used.add(command.getCommandSpec().qualifiedName());
        for (; next < words.length && !words[next].matches("[|;<>]|\\$?\\)"); next++) {
          if (words[next].startsWith("--")) {
            assertThat(command.getCommandSpec().findOption(words[next]))
                .as(line + ": " + words[next])
                .isNotNull();
          }
        }
      }
    }
    assertThat(used)
        .contains(
            "keygate init",
            "keygate apis register",
            "keygate scopes add",
            "keygate keys create",
            "keygate keys verify",
            "keygate keys rotate",
            "keygate keys revoke",
            "keygate keys list",
            "keygate audit list");
  }

  /** The words bash offers after {@code line}, as it would when Tab is pressed at its end. */
  private static List<String> complete(Path script, String line)
      throws IOException, InterruptedException {
    String program =
        "source \"$1\"\n"
            + "COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}\n"
            + "read -ra COMP_WORDS <<< \"$2\"\n"
            + "[[ \"$2\" == *' ' ]] && COMP_WORDS+=('')\n"
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
            + "_complete_keygate keygate \"${COMP_WORDS[COMP_CWORD]}\""
            + " \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    String out = bash("bash", "-c", program, "complete", script.toString(), line);
    assertThat(out).endsWith("exit 0\n");
    return out.lines().filter(word -> !word.isEmpty() && !word.equals("exit 0")).toList();
  }

  /** Runs a command; answers its standard output and error, then {@code exit N}. */
  private static String bash(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out;
    try (InputStream output = process.getInputStream()) {
      out = new String(output.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    return out + "exit " + process.exitValue() + "\n";
  }

  /** The path of every local command, from the command line Main builds. */
  private List<List<String>> localCommands() {
    Launch launch = Cli.launch(Map.of(), directory, server -> {});
    CommandLine keygate =
        Main.commandLine(launch, new LocalNode(launch), InputStream.nullInputStream());
    List<List<String>> commands = new ArrayList<>();
    for (CommandLine group : keygate.getSubcommands().values()) {
      String groupName = group.getCommandName();
      if (groupName.equals("serve") || groupName.equals("init")) {
        continue;
      }
      if (group.getSubcommands().isEmpty()) {
        commands.add(List.of(groupName));
      }
      for (String name : group.getSubcommands().keySet()) {
        commands.add(List.of(groupName, name));
      }
    }
    return commands;
  }
}
