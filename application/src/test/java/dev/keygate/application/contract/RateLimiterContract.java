package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.out.RateLimiter;
import dev.keygate.application.port.out.RateLimiter.Count;
import dev.keygate.application.port.out.RateLimiter.Window;
import dev.keygate.domain.policy.RateLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@code RateLimiter} must do: count each use once in each fixed window asked for, in
 * the order asked, start a window again when it ends and never reset a newer one, exactly under
 * concurrent use.
 */
public abstract class RateLimiterContract {

  /** Inside a window of one minute, one hour and one day alike. */
  protected static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static final RateLimit THREE_A_MINUTE = RateLimit.of("burst", 3, 60);

  private RateLimiter limiter;

  /** A limiter that has counted nothing yet. */
  protected abstract RateLimiter openEmptyLimiter();

  @BeforeEach
  final void openLimiter() {
    limiter = openEmptyLimiter();
  }

  private Count hitOne(Window window, Instant at) {
    List<Count> counts = limiter.hit(List.of(window), at);
    assertThat(counts).hasSize(1);
    return counts.get(0);
  }

  @Test
  void theLimitExactlyReached_isNotExceeded_theNextUseIs() {
    Window window = new Window("key:kg_a", THREE_A_MINUTE);

    Count first = hitOne(window, NOW);
    Count second = hitOne(window, NOW.plusSeconds(20));
    Count third = hitOne(window, NOW.plusSeconds(59));
    Count fourth = hitOne(window, NOW.plusSeconds(59));

    assertThat(List.of(first.used(), second.used(), third.used(), fourth.used()))
        .containsExactly(1L, 2L, 3L, 4L);
    assertThat(third.exceeded()).isFalse();
    assertThat(third.remaining()).isZero();
    assertThat(fourth.exceeded()).isTrue();
    assertThat(first.remaining()).isEqualTo(2);
    assertThat(fourth.resetsAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(fourth.window()).isEqualTo(window);
  }

  @Test
  void aNewWindow_startsAgainFromOne() {
    Window window = new Window("key:kg_a", THREE_A_MINUTE);
    for (int use = 0; use < 5; use++) {
      hitOne(window, NOW.plusSeconds(10));
    }

    Count next = hitOne(window, NOW.plusSeconds(60));

    assertThat(next.used()).isEqualTo(1);
    assertThat(next.exceeded()).isFalse();
    assertThat(next.resetsAt()).isEqualTo(NOW.plusSeconds(120));
  }

  @Test
  void aUseFromAClockBehind_countsIntoTheNewerWindow_andNeverResetsIt() {
    Window window = new Window("key:kg_a", THREE_A_MINUTE);
    hitOne(window, NOW.plusSeconds(60));
    hitOne(window, NOW.plusSeconds(61));

    Count behind = hitOne(window, NOW.plusSeconds(59));
    Count after = hitOne(window, NOW.plusSeconds(62));

    assertThat(behind.used()).isEqualTo(3);
    assertThat(behind.resetsAt()).isEqualTo(NOW.plusSeconds(120));
    assertThat(after.used()).isEqualTo(4);
    assertThat(after.exceeded()).isTrue();
  }

  @Test
  void severalWindowsInOneHit_areEachCounted_inTheOrderAsked() {
    Window keyBurst = new Window("key:kg_a", RateLimit.of("burst", 2, 1));
    Window keyDaily = new Window("key:kg_a", RateLimit.of("daily", 100, 86_400));
    Window ownerShared = new Window("organization:org_a", RateLimit.of("burst", 5, 3_600));
    Window otherKey = new Window("key:kg_b", RateLimit.of("burst", 2, 1));
    List<Window> windows = List.of(keyDaily, ownerShared, keyBurst);

    limiter.hit(windows, NOW);
    limiter.hit(List.of(otherKey, ownerShared), NOW);
    List<Count> counts = limiter.hit(windows, NOW.plusSeconds(1));

    assertThat(counts).extracting(Count::window).containsExactly(keyDaily, ownerShared, keyBurst);
    assertThat(counts).extracting(Count::used).containsExactly(2L, 3L, 1L);
    assertThat(counts)
        .extracting(Count::resetsAt)
        .containsExactly(
            Instant.parse("2026-03-02T00:00:00Z"),
            Instant.parse("2026-03-01T13:00:00Z"),
            NOW.plusSeconds(2));
    assertThat(limiter.hit(List.of(), NOW)).isEmpty();
  }

  @Test
  void concurrentUses_areEachCountedOnce() throws Exception {
    Window key = new Window("key:kg_a", RateLimit.of("hourly", 1_000, 3_600));
    Window owner = new Window("user:kp_alice", RateLimit.of("hourly", 1_000, 3_600));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<List<List<Count>>>> seen = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      seen.add(
          threads.submit(
              () -> {
                List<List<Count>> hits = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                  hits.add(limiter.hit(List.of(key, owner), NOW));
                }
                return hits;
              }));
    }
    Set<Long> byKey = new HashSet<>();
    Set<Long> byOwner = new HashSet<>();
    for (Future<List<List<Count>>> done : seen) {
      for (List<Count> counts : done.get(1, TimeUnit.MINUTES)) {
        byKey.add(counts.get(0).used());
        byOwner.add(counts.get(1).used());
      }
    }
    threads.shutdown();

    // every count from 1 to 100 answered once in each window: none counted twice, none lost
    assertThat(byKey).hasSize(100).allMatch(used -> used >= 1 && used <= 100);
    assertThat(byOwner).hasSize(100).allMatch(used -> used >= 1 && used <= 100);
  }
}
