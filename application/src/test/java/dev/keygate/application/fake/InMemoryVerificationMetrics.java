package dev.keygate.application.fake;

import dev.keygate.application.port.out.VerificationMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link VerificationMetrics} that keeps every count in memory for tests to read. */
public final class InMemoryVerificationMetrics implements VerificationMetrics {

  private final Map<String, Long> answers = new HashMap<>();
  private final List<Duration> timings = new ArrayList<>();
  private long cacheHits;
  private long cacheMisses;
  private long hashChecks;

  @Override
  public synchronized void verified(String code, Duration elapsed) {
    answers.merge(code, 1L, Long::sum);
    timings.add(elapsed);
  }

  @Override
  public synchronized void cacheChecked(boolean hit) {
    if (hit) {
      cacheHits++;
    } else {
      cacheMisses++;
    }
  }

  @Override
  public synchronized void hashChecked() {
    hashChecks++;
  }

  /** How many verifications answered {@code code}. */
  public synchronized long answered(String code) {
    return answers.getOrDefault(code, 0L);
  }

  /** The time each verification took, in the order they were answered. */
  public synchronized List<Duration> timings() {
    return List.copyOf(timings);
  }

  public synchronized long cacheHits() {
    return cacheHits;
  }

  public synchronized long cacheMisses() {
    return cacheMisses;
  }

  public synchronized long hashChecks() {
    return hashChecks;
  }
}
