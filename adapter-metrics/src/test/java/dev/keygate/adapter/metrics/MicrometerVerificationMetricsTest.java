package dev.keygate.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.in.VerifyOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerVerificationMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerVerificationMetrics metrics = new MicrometerVerificationMetrics(registry);

  @Test
  void beforeAnyVerification_everyAnswerCodeIsASeriesAtZero() {
    for (VerifyOutcome outcome : VerifyOutcome.values()) {
      assertThat(answers(outcome.name())).as(outcome.name()).isZero();
    }
    assertThat(cache("hit")).isZero();
    assertThat(cache("miss")).isZero();
  }

  @Test
  void answers_areCountedByCode_eachWithItsTime() {
    metrics.verified("API_KEY_VERIFIED", Duration.ofMillis(2));
    metrics.verified("API_KEY_VERIFIED", Duration.ofMillis(4));
    metrics.verified("TOO_MANY_REQUESTS", Duration.ofMillis(6));

    assertThat(answers("API_KEY_VERIFIED")).isEqualTo(2);
    assertThat(answers("TOO_MANY_REQUESTS")).isEqualTo(1);
    assertThat(answers("API_KEY_INVALID")).isZero();
    assertThat(registry.get("keygate.verify.duration").timer().count()).isEqualTo(3);
    assertThat(registry.get("keygate.verify.duration").timer().totalTime(TimeUnit.MILLISECONDS))
        .isEqualTo(12);
  }

  @Test
  void cacheLookups_areCountedByResult_andHashChecksApart() {
    metrics.cacheChecked(false);
    metrics.hashChecked();
    metrics.cacheChecked(true);
    metrics.cacheChecked(true);

    assertThat(cache("hit")).isEqualTo(2);
    assertThat(cache("miss")).isEqualTo(1);
    assertThat(registry.get("keygate.argon2.checks").counter().count()).isEqualTo(1);
  }

  private double answers(String code) {
    return registry.get("keygate.verify.answers").tag("code", code).counter().count();
  }

  private double cache(String result) {
    return registry.get("keygate.verify.cache").tag("result", result).counter().count();
  }
}
