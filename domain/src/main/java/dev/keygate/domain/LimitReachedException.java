package dev.keygate.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The request was not attempted because Keygate is at a limit it keeps on purpose: every hashing
 * slot busy, too many failed verifications of one secret lookup from one client network, or too
 * many keys made for one owner. Worth retrying after {@link #retryAfter()}.
 */
public non-sealed class LimitReachedException extends KeygateException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** Thrown at attack rates and answered, never logged: it carries no stack trace. */
  public LimitReachedException(String message, Duration retryAfter) {
    super(message, false);
    Objects.requireNonNull(retryAfter, "retry after");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retry after must not be negative, was " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /** How long the caller should wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public final Kind kind() {
    return Kind.LIMIT_REACHED;
  }
}
