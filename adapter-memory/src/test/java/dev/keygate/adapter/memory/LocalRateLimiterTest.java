package dev.keygate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.contract.RateLimiterContract;
import dev.keygate.application.port.out.RateLimiter;
import dev.keygate.application.port.out.RateLimiter.Window;
import dev.keygate.domain.policy.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {

  @Nested
  class Contract extends RateLimiterContract {
    @Override
    protected RateLimiter openEmptyLimiter() {
      return new LocalRateLimiter();
    }
  }

  private final AtomicLong nanos = new AtomicLong();
  private final LocalRateLimiter limiter = new LocalRateLimiter(nanos::get);

  @Test
  void aWindow_isForgottenOnceItHasEndedAndTheGraceHasPassed() {
    Instant now = Instant.parse("2026-03-01T12:00:10Z");
    Window minute = new Window("key:kg_a", RateLimit.of("burst", 3, 60));
    Window hour = new Window("key:kg_a", RateLimit.of("hourly", 30, 3_600));
    limiter.hit(List.of(minute, hour), now);
    assertThat(limiter.held()).isEqualTo(2);

    // the minute's window ends 50 s after the hit
    advance(Duration.ofSeconds(50).plus(LocalRateLimiter.GRACE).minusNanos(1));
    assertThat(limiter.held()).isEqualTo(2);
    // Caffeine's timer wheel lets entries go within about a second of their time, never before
    advance(Duration.ofSeconds(2));
    assertThat(limiter.held()).isEqualTo(1);

    advance(Duration.ofHours(1));
    assertThat(limiter.held()).isZero();
  }

  @Test
  void aWindowCountedAgain_isKeptToItsOwnEnd_notLonger() {
    Instant start = Instant.parse("2026-03-01T12:00:00Z");
    Window minute = new Window("key:kg_a", RateLimit.of("burst", 3, 60));
    limiter.hit(List.of(minute), start);

    // counted again 40 s on: its window still ends 60 s after the start
    advance(Duration.ofSeconds(40));
    assertThat(limiter.hit(List.of(minute), start.plusSeconds(40)).get(0).used()).isEqualTo(2);
    advance(Duration.ofSeconds(20).plus(LocalRateLimiter.GRACE).minusSeconds(1));
    assertThat(limiter.held()).isEqualTo(1);
    advance(Duration.ofSeconds(3));

    assertThat(limiter.held()).isZero();
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }
}
