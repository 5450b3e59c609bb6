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

  /**
   * The kinds of business failure, one for each class this hierarchy permits. An adapter maps them
   * with a {@code switch} expression that names every kind, so the compiler refuses an adapter that
   * leaves a new kind unanswered.
   */
  public enum Kind {
    /** A value is malformed or out of range: {@link ValidationException}. */
    INVALID,
    /** The object does not exist or is not the caller's to see: {@link NotFoundException}. */
    NOT_FOUND,
    /** The request clashes with the current state: {@link ConflictException}. */
    CONFLICT,
    /** The caller lacks the scope or the authority: {@link ForbiddenException}. */
    FORBIDDEN,
    /** Keygate is at a limit it keeps on purpose: {@link LimitReachedException}. */
    LIMIT_REACHED
  }

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

  /** What kind of failure this is; each permitted class fixes its own, subclasses included. */
  public abstract Kind kind();
}
