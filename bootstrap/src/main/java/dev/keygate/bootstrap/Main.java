package dev.keygate.bootstrap;

import dev.keygate.adapter.cli.ConsoleOutput;
import dev.keygate.bootstrap.Configuration.ConfigurationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code keygate}: the command line of the runnable jar. Exit codes: 0 ok, 2 usage or configuration
 * error, 5 anything else, each failure as one readable line on stderr (a stack trace only with
 * {@code --verbose}).
 */
public final class Main {

  static final int USAGE_ERROR = 2;
  static final int FAILURE = 5;

  private Main() {}

  public static void main(String[] args) {
    System.exit(execute(Launch.ofThisProcess(), ConsoleOutput.out(), ConsoleOutput.err(), args));
  }

  /** Runs one command line to its exit code, writing to {@code out} and {@code err}. */
  static int execute(Launch launch, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine =
        new CommandLine(new KeygateCommand())
            .addSubcommand(new ServeCommand(launch))
            .addSubcommand(new InitCommand(launch));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(Main::usageError);
    commandLine.setExecutionExceptionHandler(Main::failure);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command
        .getErr()
        .println(
            command.getCommandSpec().qualifiedName()
                + ": "
                + e.getMessage()
                + " (see '"
                + command.getCommandSpec().qualifiedName()
                + " --help')");
    return USAGE_ERROR;
  }

  private static int failure(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    boolean configuration = e instanceof ConfigurationException;
    err.println(
        command.getCommandSpec().qualifiedName()
            + ": "
            + (configuration ? "" : "failed: ")
            + describe(e));
    if (isVerbose(parsed)) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    return configuration ? USAGE_ERROR : FAILURE;
  }

  /** The message, and the root cause's when it says more. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
      message += ": " + root.getMessage();
    }
    return message.replaceAll("\\s*\\R\\s*", " ");
  }

  private static boolean isVerbose(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
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
