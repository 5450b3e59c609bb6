package dev.keygate.adapter.cli;

/**
 * A value the person running a command gave that cannot be used, found after the command line was
 * parsed (a setting from the environment or {@code keygate.properties}, say): exit code {@value
 * ExitCodes#USAGE}, like a bad option.
 */
public class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
