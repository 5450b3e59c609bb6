package dev.keygate.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class Bucket4jCreationQuotaTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));

  private final AtomicLong nanos = new AtomicLong(1);
  private final Bucket4jCreationQuota quota =
      new Bucket4jCreationQuota(
          6,
          1_000,
          new TimeMeter() {
            @Override
            public long currentTimeNanos() {
              return nanos.get();
            }

            @Override
            public boolean isWallClockBased() {
              return false;
            }
          },
          nanos::get);

  @Test
  void givenThePerMinuteAllowance_everyCreationIsTaken_theNextWaitsForOneToRefill() {
    for (int i = 0; i < 6; i++) {
      assertThat(quota.take(ORG_A)).isEmpty();
    }

    // Six a minute refill one every ten seconds.
    assertThat(quota.take(ORG_A)).hasValue(Duration.ofSeconds(10));
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    assertThat(quota.take(ORG_A)).isEmpty();
    assertThat(quota.take(ORG_A)).isPresent();
  }

  @Test
  void oneOwnersQuota_leavesAnotherOwnersAlone() {
    for (int i = 0; i < 20; i++) {
      quota.take(ORG_A);
    }

    assertThat(quota.take(ORG_B)).isEmpty();
  }

  @Test
  void nonsensicalAllowance_isRefused() {
    assertThatThrownBy(() -> new Bucket4jCreationQuota(0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key creations per minute must be at least 1, was 0");
  }
}
