package dev.keygate.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTextTest {

  @Test
  void rateLimits_areWrittenCompactly_andReadBackInOrder() {
    List<RateLimit> limits =
        List.of(
            RateLimit.of("burst", 100, 1),
            RateLimit.of("a.b:c-d_e", 1_000_000_000, 366 * 86_400L),
            RateLimit.of("daily", 7, 86_400));

    String text = PolicyText.limits(limits);

    assertThat(text).isEqualTo("burst=100/1,a.b:c-d_e=1000000000/31622400,daily=7/86400");
    assertThat(PolicyText.limits(text)).isEqualTo(limits);
  }

  @Test
  void none_isNull_andNullIsNone() {
    assertThat(PolicyText.limits(List.of())).isNull();
    assertThat(PolicyText.limits((String) null)).isEmpty();
    assertThat(PolicyText.allowlist(IpAllowlist.ANYWHERE)).isNull();
    assertThat(PolicyText.allowlist((String) null)).isEqualTo(IpAllowlist.ANYWHERE);
    assertThat(PolicyText.refill(Optional.empty())).isNull();
    assertThat(PolicyText.refill((String) null)).isEmpty();
  }

  @Test
  void anAllowlist_isItsCanonicalRanges() {
    IpAllowlist allowlist =
        IpAllowlist.parse(List.of("203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32"));

    String text = PolicyText.allowlist(allowlist);

    assertThat(text).isEqualTo(String.join(",", allowlist.texts()));
    assertThat(text.split(",")).hasSize(3);
    assertThat(PolicyText.allowlist(text)).isEqualTo(allowlist);
  }

  @Test
  void everyKindOfRefill_isReadBackAsWritten() {
    Refill daily = Refill.daily(100, RefillMode.SET);
    Refill monthly = Refill.monthly(50, 31, RefillMode.ADD);
    Refill periodic = Refill.every(Duration.ofHours(12), 10, RefillMode.SET);

    assertThat(PolicyText.refill(Optional.of(daily))).isEqualTo("SET 100 DAILY");
    assertThat(PolicyText.refill(Optional.of(monthly))).isEqualTo("ADD 50 MONTHLY 31");
    assertThat(PolicyText.refill(Optional.of(periodic))).isEqualTo("SET 10 PERIODIC 43200");
    for (Refill refill : List.of(daily, monthly, periodic)) {
      assertThat(PolicyText.refill(PolicyText.refill(Optional.of(refill)))).contains(refill);
    }
  }
}
