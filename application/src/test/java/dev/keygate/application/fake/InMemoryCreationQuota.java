package dev.keygate.application.fake;

import dev.keygate.application.port.out.CreationQuota;
import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CreationQuota} as plain counts: {@code perMinute} creations per owner, then a minute's
 * wait until {@link #refill()}; no clock, so tests decide when the minute is over.
 */
public final class InMemoryCreationQuota implements CreationQuota {

  public static final Duration WAIT = Duration.ofSeconds(60);

  private final int perMinute;
  private final Map<Owner, Integer> taken = new HashMap<>();

  public InMemoryCreationQuota(int perMinute) {
    this.perMinute = perMinute;
  }

  @Override
  public synchronized Optional<Duration> take(Owner owner) {
    int count = taken.getOrDefault(owner, 0);
    if (count >= perMinute) {
      return Optional.of(WAIT);
    }
    taken.put(owner, count + 1);
    return Optional.empty();
  }

  /** Forgets every creation, as when the minute has passed. */
  public synchronized void refill() {
    taken.clear();
  }
}
