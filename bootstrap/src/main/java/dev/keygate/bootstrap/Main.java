package dev.keygate.bootstrap;

import dev.keygate.adapter.cli.CompletionCommand;
import dev.keygate.adapter.cli.ConsoleOutput;
import dev.keygate.adapter.cli.ExitCodes;
import dev.keygate.adapter.cli.LocalCommands;
import dev.keygate.adapter.persistence.EmbeddedDatabase;
import dev.keygate.application.port.in.Principal;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code keygate}: the command line of the runnable jar. {@code serve} and {@code init} here; the
 * local commands on the database ({@code keys}, {@code apis}, …) from the CLI adapter, on a {@link
 * LocalNode}. Exit codes and failure lines are the CLI adapter's {@link ExitCodes}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // First of all, before any file is made or H2 is loaded: these hold for the whole process.
    ProcessUmask.restrictToOwner();
    EmbeddedDatabase.bindAutoServersToLoopback();
    System.exit(
        execute(Launch.ofThisProcess(), System.in, ConsoleOutput.out(), ConsoleOutput.err(), args));
  }

  /**
   * Runs one command line to its exit code, reading {@code in} and writing {@code out}, {@code
   * err}.
   */
  static int execute(
      Launch launch, InputStream in, PrintWriter out, PrintWriter err, String... args) {
    try (LocalNode local = new LocalNode(launch)) {
      CommandLine commandLine = commandLine(launch, local, in, args);
      commandLine.setOut(out);
      commandLine.setErr(err);
      ExitCodes.install(commandLine);
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Every command: {@code serve} and {@code init}, then the local commands, which act as the
   * operator {@code cli:<os user>} on {@code local}'s database, or as whoever the credentials are
   * on the server {@code --server} names. Given the command line about to run, only the command
   * groups it names get their commands (see {@link LocalCommands}).
   */
  static CommandLine commandLine(Launch launch, LocalNode local, InputStream in, String... args) {
    Principal operator = Principal.operator("cli:" + System.getProperty("user.name", "unknown"));
    CommandLine root =
        new CommandLine(new KeygateCommand())
            .addSubcommand(new ServeCommand(launch))
            .addSubcommand(new InitCommand(launch));
    LocalCommands.addTo(
        root,
        local.useCases(),
        new LocalCommands.Settings(
            operator, in, Clock.systemUTC(), local::portalLinkTtl, local::publicUrl),
        local::takeDatabaseFlags,
        List.of(args));
    root.addSubcommand(new CompletionCommand());
    // --server before the command's name, too; refused before a command that ignores it.
    local.takeServerFlags(root);
    root.setExecutionStrategy(
        parsed -> {
          local.refuseServerFlagOf(parsed);
          return new CommandLine.RunLast().execute(parsed);
        });
    return root;
  }

  /** The top command, which only chooses a subcommand. */
  @Command(
      name = "keygate",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Keygate: issue, verify, rotate and revoke API keys.")
  static final class KeygateCommand implements Runnable {

    @Spec CommandSpec spec;

    @Option(
        names = "--verbose",
        scope = ScopeType.INHERIT,
        description = "print a stack trace when a command fails")
    boolean verbose;

    @Override
    public void run() {
      throw new ParameterException(
          spec.commandLine(),
          "choose a command: " + String.join(", ", spec.subcommands().keySet()));
    }
  }

  /** The version written into the runnable jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"keygate " + (version == null ? "(development build)" : version)};
    }
  }
}
