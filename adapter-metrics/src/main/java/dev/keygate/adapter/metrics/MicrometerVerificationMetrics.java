package dev.keygate.adapter.metrics;

import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.out.VerificationMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verification metrics on Micrometer: answers by code ({@code keygate.verify.answers}), their
 * latency ({@code keygate.verify.duration}, a histogram), Argon2 checks paid ({@code
 * keygate.argon2.checks}) and the verification cache's hits and misses ({@code
 * keygate.verify.cache}).
 */
public final class MicrometerVerificationMetrics implements VerificationMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> answers = new ConcurrentHashMap<>();
  private final Timer duration;
  private final Counter argon2Checks;
  private final Counter cacheHits;
  private final Counter cacheMisses;

  /** Registers every meter in {@code registry} at once. */
  public MicrometerVerificationMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Every code from the start, so a dashboard sees zero rather than no series.
    for (VerifyOutcome outcome : VerifyOutcome.values()) {
      answers.put(outcome.name(), answerCounter(outcome.name()));
    }
    this.duration =
        Timer.builder("keygate.verify.duration")
            .description("Time to answer a verification, from parsing the token to the answer")
            // Buckets, so percentiles can be computed across nodes (histogram_quantile).
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1).dividedBy(100))
            .maximumExpectedValue(Duration.ofSeconds(2))
            .register(registry);
    this.argon2Checks =
        Counter.builder("keygate.argon2.checks")
            .description("Argon2id checks of a presented secret; the verification cache saves them")
            .register(registry);
    this.cacheHits = cacheCounter("hit");
    this.cacheMisses = cacheCounter("miss");
  }

  @Override
  public void verified(String code, Duration elapsed) {
    // get first: computeIfAbsent locks its bin whenever the code is not the bin's first entry, and
    // every verification on every thread passes here.
    Counter answer = answers.get(code);
    if (answer == null) {
      answer = answers.computeIfAbsent(code, this::answerCounter);
    }
    answer.increment();
    duration.record(elapsed);
  }

  @Override
  public void cacheChecked(boolean hit) {
    (hit ? cacheHits : cacheMisses).increment();
  }

  @Override
  public void hashChecked() {
    argon2Checks.increment();
  }

  private Counter cacheCounter(String result) {
    return Counter.builder("keygate.verify.cache")
        .description("Lookups of the verification cache, by result")
        .tag("result", result)
        .register(registry);
  }

  private Counter answerCounter(String code) {
    return Counter.builder("keygate.verify.answers")
        .description("Verifications answered, management-key authentications included, by code")
        .tag("code", code)
        .register(registry);
  }
}
