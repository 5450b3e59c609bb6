package dev.keygate.adapter.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.keygate.application.port.out.CreationQuota;
import dev.keygate.domain.owner.Owner;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/**
 * Keys made per owner as Bucket4j token buckets: {@code perMinute} at once, then one more every
 * {@code 1 min / perMinute}. Per node: on several nodes an owner may make that many on each. The
 * buckets live in a Caffeine cache bounded in size; one unused for a minute is full again and
 * dropped.
 */
public final class Bucket4jCreationQuota implements CreationQuota {

  /** The default: sixty keys a minute per owner. */
  public static final int DEFAULT_PER_MINUTE = 60;

  /** How many owners are followed at most. */
  public static final long DEFAULT_CAPACITY = 100_000;

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final int perMinute;
  private final TimeMeter time;
  private final Cache<Owner, Bucket> buckets;

  /**
   * @param perMinute keys one owner may have made for it a minute
   * @param capacity how many owners are followed at most
   */
  public Bucket4jCreationQuota(int perMinute, long capacity) {
    this(perMinute, capacity, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker());
  }

  Bucket4jCreationQuota(int perMinute, long capacity, TimeMeter time, Ticker ticker) {
    if (perMinute < 1) {
      throw new IllegalArgumentException(
          "key creations per minute must be at least 1, was " + perMinute);
    }
    this.perMinute = perMinute;
    this.time = time;
    this.buckets =
        Caffeine.newBuilder()
            .ticker(ticker)
            .executor(Runnable::run)
            .expireAfterAccess(MINUTE)
            .maximumSize(capacity)
            .build();
  }

  @Override
  public Optional<Duration> take(Owner owner) {
    ConsumptionProbe probe =
        buckets.get(owner, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(bandwidth -> bandwidth.capacity(perMinute).refillGreedy(perMinute, MINUTE))
        .withCustomTimePrecision(time)
        .build();
  }
}
