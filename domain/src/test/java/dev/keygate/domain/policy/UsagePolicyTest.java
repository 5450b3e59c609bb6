package dev.keygate.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsagePolicyTest {

  private static final UsagePolicy POLICY =
      new UsagePolicy(
          List.of(RateLimit.of("burst", 10, 1)),
          Optional.of(new Credits(100, Optional.of(Refill.daily(100, RefillMode.SET)))),
          IpAllowlist.parse(List.of("203.0.113.0/24")));

  @Test
  void aRateLimitsWindow_isAlignedToTheEpoch() {
    RateLimit minute = RateLimit.of("m", 5, 60);

    assertThat(minute.windowStart(Instant.parse("2026-12-03T08:15:59.999Z")))
        .isEqualTo(Instant.parse("2026-12-03T08:15:00Z"));
    assertThat(minute.windowEnd(Instant.parse("2026-12-03T08:15:00Z")))
        .isEqualTo(Instant.parse("2026-12-03T08:16:00Z"));
  }

  @Test
  void badLimits_areRefused_namingThem() {
    assertThatThrownBy(() -> RateLimit.of("has space", 1, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rate limit name must be");
    assertThatThrownBy(() -> RateLimit.of("burst", 0, 1))
        .hasMessage("rate limit burst: limit must be 1-1000000000, was 0");
    assertThatThrownBy(() -> new RateLimit("burst", 1, Duration.ofMillis(1500)))
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(
            () -> POLICY.withRateLimits(List.of(RateLimit.of("a", 1, 1), RateLimit.of("a", 2, 1))))
        .hasMessage("rate limit a is named twice");
    assertThatThrownBy(
            () -> POLICY.withRateLimits(Collections.nCopies(11, RateLimit.of("a", 1, 1))))
        .hasMessage("at most 10 rate limits apply, were 11");
  }

  @Test
  void tightening_isWithin() {
    assertThat(POLICY.isWithin(POLICY)).isTrue();
    assertThat(POLICY.withRateLimits(List.of(RateLimit.of("burst", 5, 1))).isWithin(POLICY))
        .isTrue();
    assertThat(POLICY.withRateLimits(List.of(RateLimit.of("burst", 10, 2))).isWithin(POLICY))
        .as("a longer window starts elsewhere and forgets the uses counted")
        .isFalse();
    assertThat(
            POLICY
                .withRateLimits(
                    List.of(RateLimit.of("burst", 10, 1), RateLimit.of("day", 1, 86400)))
                .isWithin(POLICY))
        .isTrue();
    assertThat(POLICY.withCredits(Optional.of(new Credits(1, Optional.empty()))).isWithin(POLICY))
        .isTrue();
    assertThat(
            UsagePolicy.NONE
                .withRateLimits(List.of(RateLimit.of("x", 1, 1)))
                .isWithin(UsagePolicy.NONE))
        .isTrue();
  }

  @Test
  void loosening_isNot() {
    assertThat(POLICY.withRateLimits(List.of()).isWithin(POLICY)).isFalse();
    assertThat(POLICY.withRateLimits(List.of(RateLimit.of("burst", 11, 1))).isWithin(POLICY))
        .isFalse();
    assertThat(POLICY.withRateLimits(List.of(RateLimit.of("other", 1, 1))).isWithin(POLICY))
        .isFalse();
    assertThat(POLICY.withCredits(Optional.empty()).isWithin(POLICY)).isFalse();
    assertThat(
            POLICY
                .withCredits(
                    Optional.of(new Credits(101, Optional.of(Refill.daily(100, RefillMode.SET)))))
                .isWithin(POLICY))
        .isFalse();
    assertThat(POLICY.withIpAllowlist(IpAllowlist.ANYWHERE).isWithin(POLICY)).isFalse();
  }
}
