package dev.keygate.domain.policy;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.util.Optional;

/**
 * Uses a key has left: every valid verification spends its cost, and none is valid once they are
 * spent, until a refill gives some back. On a key read from storage, {@code remaining} is what was
 * left when it was read; verifications spend from the stored count, never from this copy.
 */
public record Credits(long remaining, Optional<Refill> refill) {

  public static final long MAX_CREDITS = 1_000_000_000_000L;

  public Credits {
    if (remaining < 0 || remaining > MAX_CREDITS) {
      throw new ValidationException(
          "credits remaining must be 0-" + MAX_CREDITS + ", was " + remaining);
    }
    Checks.required("credit refill", refill);
  }

  /**
   * Whether these credits allow at most what {@code other} allows: no more left, and a refill only
   * where the other has one that gives at least as much.
   */
  public boolean isWithin(Credits other) {
    return remaining <= other.remaining
        && (refill.isEmpty()
            || (other.refill.isPresent() && refill.get().isWithin(other.refill.get())));
  }
}
