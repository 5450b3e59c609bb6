package dev.keygate.domain;

/**
 * A business failure that every adapter maps to one answer: 400, 403, 404, 409 or 429 over HTTP, an
 * exit code in the CLI.
 *
 * <p>Messages say what is wrong without repeating the caller's input, so a token pasted into the
 * wrong field never reaches a log through an exception.
 */
public abstract sealed class KeygateException extends RuntimeException
    permits ValidationException,
        NotFoundException,
        ConflictException,
        ForbiddenException,
        LimitReachedException {

  private static final long serialVersionUID = 1L;

  protected KeygateException(String message) {
    super(message);
  }

  /**
   * For refusals thrown on the hot path at attack rates, where filling in a stack trace that no one
   * reads would cost more than the refusal itself.
   */
  protected KeygateException(String message, boolean withStackTrace) {
    super(message, null, false, withStackTrace);
  }
}
