package dev.keygate.adapter.cli;

import dev.keygate.domain.KeygateException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The exit codes of every {@code keygate} command and the one place where failures become them,
 * each as one readable line on standard error (a stack trace only with {@code --verbose}).
 */
public final class ExitCodes {

  /** The command did what it was asked. */
  public static final int OK = 0;

  /** The input was refused as invalid, or the key did not verify. */
  public static final int INVALID = 1;

  /** The command line could not be used: an unknown option, a missing one, a bad value. */
  public static final int USAGE = 2;

  /** The object does not exist. */
  public static final int NOT_FOUND = 3;

  /** The request clashes with the current state: a duplicate or an illegal transition. */
  public static final int CONFLICT = 4;

  /** Anything else, such as a database that does not answer. */
  public static final int FAILURE = 5;

  /**
   * Keygate was at a limit it keeps on purpose, every hashing slot busy or too many failed
   * verifications of one lookup: worth retrying later.
   */
  public static final int TOO_MANY_REQUESTS = 6;

  /**
   * {@code serve} cannot listen where it is told to: another program listens there, or the host is
   * not an address of this machine.
   */
  public static final int ADDRESS_IN_USE = 7;

  private ExitCodes() {}

  /** The exit code for a command that failed with {@code failure}. */
  public static int of(Throwable failure) {
    if (failure instanceof ParameterException || failure instanceof UsageException) {
      return USAGE;
    }
    if (failure instanceof KeygateException business) {
      return of(business.kind());
    }
    return FAILURE;
  }

  /** The exit code for each kind of business failure. */
  static int of(KeygateException.Kind kind) {
    // Exhaustive by the compiler: a switch expression over an enum without a default must name
    // every constant, so a new kind of failure does not compile until it has its exit code here.
    // FORBIDDEN is a failure of the command: the local command line acts as the operator, who may
    // do all, so a refusal is not one of the answers a user is meant to get.
    return switch (kind) {
      case INVALID -> ExitCodes.INVALID;
      case NOT_FOUND -> ExitCodes.NOT_FOUND;
      case CONFLICT -> ExitCodes.CONFLICT;
      case LIMIT_REACHED -> ExitCodes.TOO_MANY_REQUESTS;
      case FORBIDDEN -> ExitCodes.FAILURE;
    };
  }

  /**
   * Makes {@code commandLine} and the subcommands it has now answer every failure with its exit
   * code and one line on its error writer. Call it once the commands are registered.
   */
  public static CommandLine install(CommandLine commandLine) {
    commandLine.setParameterExceptionHandler(ExitCodes::usageError);
    commandLine.setExecutionExceptionHandler(ExitCodes::failure);
    return commandLine;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    String message =
        e instanceof UnmatchedArgumentException unmatched
            ? DidYouMean.message(unmatched)
            : e.getMessage();
    command.getErr().println(name + ": " + message + " (see '" + name + " --help')");
    return USAGE;
  }

  private static int failure(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    int code = of(e);
    // Known failures say what is wrong; anything else is marked as a failure of the command.
    String lead = code == FAILURE ? "failed: " : "";
    err.println(command.getCommandSpec().qualifiedName() + ": " + lead + describe(e));
    if (isVerbose(parsed)) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(trace);
    }
    err.flush();
    return code;
  }

  /** The message on one line, with the root cause's when it says more. */
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
}
