package dev.keygate.application.fake;

import dev.keygate.application.port.out.FailedAttempts;
import dev.keygate.domain.token.SecretLookup;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FailedAttempts} as plain counts: a lookup is locked out for a minute once it failed {@code
 * limit} times, until {@link #forgive()}; no clock, so tests decide when the minute is over.
 */
public final class InMemoryFailedAttempts implements FailedAttempts {

  public static final Duration LOCKOUT = Duration.ofMinutes(1);

  private final int limit;
  private final Map<SecretLookup, Integer> failures = new HashMap<>();

  public InMemoryFailedAttempts(int limit) {
    this.limit = limit;
  }

  @Override
  public synchronized Optional<Duration> lockedOutFor(SecretLookup lookup) {
    return failures.getOrDefault(lookup, 0) >= limit ? Optional.of(LOCKOUT) : Optional.empty();
  }

  @Override
  public synchronized void failed(SecretLookup lookup) {
    failures.merge(lookup, 1, Integer::sum);
  }

  public synchronized int failures(SecretLookup lookup) {
    return failures.getOrDefault(lookup, 0);
  }

  /** Forgets every failure, as when the lockout has passed. */
  public synchronized void forgive() {
    failures.clear();
  }
}
