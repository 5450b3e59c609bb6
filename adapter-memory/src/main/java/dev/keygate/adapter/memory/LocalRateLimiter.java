package dev.keygate.adapter.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.keygate.application.port.out.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RateLimiter} in this process's memory: exact within the process, and only there, so it
 * suits one node on its own database. Each window is counted atomically on its own entry, without a
 * lock shared by the others, and forgotten a little after it ends, so memory holds only the windows
 * still running. A window newer than the stored one starts again at one use; a stored window newer
 * than the one asked for (a clock that went back) is counted into and kept.
 */
public final class LocalRateLimiter implements RateLimiter {

  /**
   * How long a window is kept past its end: a margin for clocks that are not the ticker's, so that
   * a window is never forgotten while a caller's clock still places uses in it.
   */
  static final Duration GRACE = Duration.ofMinutes(1);

  private final Cache<String, Stored> windows;

  /** A limiter whose windows are forgotten on the system's clock. */
  public LocalRateLimiter() {
    this(Ticker.systemTicker());
  }

  LocalRateLimiter(Ticker ticker) {
    this.windows =
        Caffeine.newBuilder()
            .ticker(ticker)
            .executor(Runnable::run)
            .expireAfter(new UntilTheWindowEnds())
            .build();
  }

  /**
   * One window as counted so far.
   *
   * @param keep how long from its last use the entry is kept: to its window's end, and the grace
   */
  private record Stored(long start, long used, Duration keep) {}

  @Override
  public List<Count> hit(List<Window> requested, Instant now) {
    List<Count> counts = new ArrayList<>(requested.size());
    for (Window window : requested) {
      long start = window.limit().windowStart(now).getEpochSecond();
      Duration duration = window.limit().duration();
      Stored stored =
          windows
              .asMap()
              .compute(
                  window.subject() + "/" + window.limit().name(),
                  (name, old) ->
                      old == null || old.start() < start
                          ? new Stored(start, 1, keep(start, duration, now))
                          : new Stored(
                              old.start(), old.used() + 1, keep(old.start(), duration, now)));
      counts.add(
          new Count(
              window,
              stored.used(),
              Instant.ofEpochSecond(stored.start()).plus(window.limit().duration())));
    }
    return counts;
  }

  /** From {@code now}, until the window starting at {@code start} has ended, and the grace. */
  private static Duration keep(long start, Duration duration, Instant now) {
    Duration left = Duration.between(now, Instant.ofEpochSecond(start).plus(duration));
    return (left.isNegative() ? Duration.ZERO : left).plus(GRACE);
  }

  /** How many windows are held right now; for tests of the memory bound. */
  long held() {
    windows.cleanUp();
    return windows.estimatedSize();
  }

  /** Each entry lives until its window ends, and the grace, as of when it was last counted. */
  private static final class UntilTheWindowEnds implements Expiry<String, Stored> {

    @Override
    public long expireAfterCreate(String name, Stored stored, long currentTime) {
      return stored.keep().toNanos();
    }

    @Override
    public long expireAfterUpdate(
        String name, Stored stored, long currentTime, long currentDuration) {
      return stored.keep().toNanos();
    }

    @Override
    public long expireAfterRead(
        String name, Stored stored, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
