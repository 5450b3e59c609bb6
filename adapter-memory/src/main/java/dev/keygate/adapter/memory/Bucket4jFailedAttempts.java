package dev.keygate.adapter.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.keygate.application.port.out.FailedAttempts;
import dev.keygate.domain.token.SecretLookup;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;

/**
 * Failed verifications per lookup and client network as Bucket4j token buckets: each pair may fail
 * {@code limit} times, and earns one more try every {@code window / limit}. A flood of guesses from
 * one network locks out that network alone, never the holder of the secret calling from another.
 * The buckets live in a Caffeine cache bounded in size, so guessing at countless lookups from
 * countless networks cannot grow memory; a bucket unused for a whole window would be full again and
 * is simply dropped.
 */
public final class Bucket4jFailedAttempts implements FailedAttempts {

  /** The default: ten failures a minute per lookup and client network. */
  public static final int DEFAULT_LIMIT = 10;

  /** How many lookups and client networks are followed at most. */
  public static final long DEFAULT_CAPACITY = 100_000;

  private final int limit;
  private final Duration window;
  private final TimeMeter time;
  private final Cache<Attempts, Bucket> buckets;

  /**
   * @param limit failures allowed per lookup and client network within {@code window}
   * @param window the time over which {@code limit} failures refill
   * @param capacity how many lookups and client networks are followed at most
   */
  public Bucket4jFailedAttempts(int limit, Duration window, long capacity) {
    this(limit, window, capacity, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker());
  }

  Bucket4jFailedAttempts(int limit, Duration window, long capacity, TimeMeter time, Ticker ticker) {
    if (limit < 1) {
      throw new IllegalArgumentException("failed attempt limit must be at least 1, was " + limit);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("failed attempt window must be positive, was " + window);
    }
    this.limit = limit;
    this.window = window;
    this.time = time;
    this.buckets =
        Caffeine.newBuilder()
            .ticker(ticker)
            .executor(Runnable::run)
            .expireAfterAccess(window)
            .maximumSize(capacity)
            .build();
  }

  @Override
  public Optional<Duration> lockedOutFor(SecretLookup lookup, String client) {
    Bucket bucket = buckets.getIfPresent(new Attempts(lookup, client));
    if (bucket == null || bucket.getAvailableTokens() > 0) {
      return Optional.empty();
    }
    return Optional.of(
        Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
  }

  @Override
  public void failed(SecretLookup lookup, String client) {
    buckets.get(new Attempts(lookup, client), ignored -> newBucket()).tryConsume(1);
  }

  /** Whose attempts one bucket counts. */
  private record Attempts(SecretLookup lookup, String client) {}

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, window))
        .withCustomTimePrecision(time)
        .build();
  }
}
