package dev.keygate.application.fake;

import dev.keygate.application.port.out.FailedAttempts;
import dev.keygate.domain.token.SecretLookup;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FailedAttempts} as plain counts: a lookup is locked out for a client network for a minute
 * once it failed {@code limit} times from there, until {@link #forgive()}; no clock, so tests
 * decide when the minute is over.
 */
public final class InMemoryFailedAttempts implements FailedAttempts {

  public static final Duration LOCKOUT = Duration.ofMinutes(1);

  private final int limit;
  private final Map<String, Integer> failures = new HashMap<>();

  public InMemoryFailedAttempts(int limit) {
    this.limit = limit;
  }

  @Override
  public synchronized Optional<Duration> lockedOutFor(SecretLookup lookup, String client) {
    return failures.getOrDefault(key(lookup, client), 0) >= limit
        ? Optional.of(LOCKOUT)
        : Optional.empty();
  }

  @Override
  public synchronized void failed(SecretLookup lookup, String client) {
    failures.merge(key(lookup, client), 1, Integer::sum);
  }

  /** The failures of {@code lookup} from every client network together. */
  public synchronized int failures(SecretLookup lookup) {
    return failures.entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(lookup.value() + " "))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  /** Fails {@code lookup} from {@code client} until it is locked out there. */
  public synchronized void lockOut(SecretLookup lookup, String client) {
    failures.put(key(lookup, client), limit);
  }

  private static String key(SecretLookup lookup, String client) {
    return lookup.value() + " " + client;
  }

  /** Forgets every failure, as when the lockout has passed. */
  public synchronized void forgive() {
    failures.clear();
  }
}
