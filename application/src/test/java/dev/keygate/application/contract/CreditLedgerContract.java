package dev.keygate.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.port.out.CreditLedger;
import dev.keygate.application.port.out.CreditLedger.Spend;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@code CreditLedger} must do: spend exactly what is left and never more, also when
 * spent concurrently; apply a refill that fell due once, with the spend it makes possible; and undo
 * what it set, lowered or removed with the unit of work it joined.
 */
public abstract class CreditLedgerContract extends StoreContract {

  private static final Optional<Refill> NO_REFILL = Optional.empty();

  private CreditLedger ledger() {
    return stores.credits();
  }

  /** A stored key, which the ledger may keep credits for. */
  private ApiKeyId storedKey() {
    Api api = storedApi("https://orders.example.com");
    ApiKey key = newKey(storedOrganization("org_a"), api);
    stores.apiKeys().add(key);
    return key.id();
  }

  /** What the ledger says is left, without spending. */
  private long left(ApiKeyId key, Optional<Refill> refill, Instant now) {
    return ledger().spend(key, 0, refill, now).remaining();
  }

  @Test
  void spends_exactlyDownToZero_thenRefusesWithNoneLeft() {
    ApiKeyId key = storedKey();
    ledger().set(key, 3, NOW);

    assertThat(ledger().spend(key, 1, NO_REFILL, NOW)).isEqualTo(new Spend(true, 2));
    assertThat(ledger().spend(key, 2, NO_REFILL, NOW)).isEqualTo(new Spend(true, 0));
    assertThat(ledger().spend(key, 1, NO_REFILL, NOW)).isEqualTo(new Spend(false, 0));
  }

  @Test
  void aCostAboveWhatIsLeft_isRefusedAndSpendsNothing() {
    ApiKeyId key = storedKey();
    ledger().set(key, 5, NOW);

    assertThat(ledger().spend(key, 6, NO_REFILL, NOW)).isEqualTo(new Spend(false, 5));
    assertThat(ledger().spend(key, 5, NO_REFILL, NOW)).isEqualTo(new Spend(true, 0));
  }

  @Test
  void aCostOfZero_isGrantedEvenWithNoneLeft_andSpendsNothing() {
    ApiKeyId key = storedKey();
    ledger().set(key, 0, NOW);

    assertThat(ledger().spend(key, 0, NO_REFILL, NOW)).isEqualTo(new Spend(true, 0));
    ledger().set(key, 4, NOW);
    assertThat(ledger().spend(key, 0, NO_REFILL, NOW)).isEqualTo(new Spend(true, 4));
    assertThat(left(key, NO_REFILL, NOW)).isEqualTo(4);
  }

  @Test
  void aKeyWithoutCredits_isRefusedWithNoneLeft() {
    ApiKeyId key = storedKey();

    assertThat(ledger().spend(key, 1, NO_REFILL, NOW)).isEqualTo(new Spend(false, 0));
    assertThat(ledger().spend(key, 0, NO_REFILL, NOW)).isEqualTo(new Spend(false, 0));
  }

  @Test
  void aDailySetRefill_fallsDueAtMidnight_once() {
    ApiKeyId key = storedKey();
    Optional<Refill> daily = Optional.of(Refill.daily(10, RefillMode.SET));
    ledger().set(key, 1, daily.get().lastDue(NOW));
    Instant midnight = Instant.parse("2026-03-02T00:00:00Z");

    assertThat(ledger().spend(key, 1, daily, midnight.minusSeconds(1)))
        .isEqualTo(new Spend(true, 0));
    assertThat(ledger().spend(key, 1, daily, midnight.minusSeconds(1)))
        .isEqualTo(new Spend(false, 0));
    assertThat(ledger().spend(key, 3, daily, midnight)).isEqualTo(new Spend(true, 7));
    assertThat(ledger().spend(key, 3, daily, midnight.plusSeconds(3600)))
        .isEqualTo(new Spend(true, 4));
  }

  @Test
  void anAddRefill_addsToWhatIsLeft() {
    ApiKeyId key = storedKey();
    Optional<Refill> hourly = Optional.of(Refill.every(Duration.ofHours(1), 5, RefillMode.ADD));
    ledger().set(key, 2, hourly.get().lastDue(NOW));

    assertThat(ledger().spend(key, 1, hourly, NOW.plusSeconds(3599))).isEqualTo(new Spend(true, 1));
    assertThat(ledger().spend(key, 1, hourly, NOW.plusSeconds(3600))).isEqualTo(new Spend(true, 5));
  }

  @Test
  void aRefillThatDoesNotCoverTheCost_isShownButKeptForTheNextSpend() {
    ApiKeyId key = storedKey();
    Optional<Refill> daily = Optional.of(Refill.daily(4, RefillMode.ADD));
    ledger().set(key, 1, daily.get().lastDue(NOW));
    Instant tomorrow = Instant.parse("2026-03-02T08:00:00Z");

    assertThat(ledger().spend(key, 9, daily, tomorrow)).isEqualTo(new Spend(false, 5));
    // not applied by the refusal, so applied once, now
    assertThat(ledger().spend(key, 2, daily, tomorrow)).isEqualTo(new Spend(true, 3));
    assertThat(ledger().spend(key, 0, daily, tomorrow)).isEqualTo(new Spend(true, 3));
  }

  @Test
  void aMonthlyRefillOnThe31st_fallsDueOnTheLastDayOfAShorterMonth() {
    ApiKeyId key = storedKey();
    Optional<Refill> monthly = Optional.of(Refill.monthly(10, 31, RefillMode.SET));
    // NOW is March 1st: the last refill was due on February 28th
    ledger().set(key, 0, monthly.get().lastDue(NOW));

    assertThat(ledger().spend(key, 1, monthly, Instant.parse("2026-03-30T23:59:59Z")))
        .isEqualTo(new Spend(false, 0));
    assertThat(ledger().spend(key, 1, monthly, Instant.parse("2026-03-31T00:00:00Z")))
        .isEqualTo(new Spend(true, 9));
    assertThat(ledger().spend(key, 9, monthly, Instant.parse("2026-04-29T23:59:59Z")))
        .isEqualTo(new Spend(true, 0));
    // April has 30 days
    assertThat(ledger().spend(key, 1, monthly, Instant.parse("2026-04-29T23:59:59Z")))
        .isEqualTo(new Spend(false, 0));
    assertThat(ledger().spend(key, 1, monthly, Instant.parse("2026-04-30T00:00:00Z")))
        .isEqualTo(new Spend(true, 9));
  }

  @Test
  void lowerTo_lowersButNeverRaises_andLeavesAKeyWithoutCreditsWithout() {
    ApiKeyId key = storedKey();
    ApiKeyId unmetered = storedKeyOf("org_b");
    ledger().set(key, 5, NOW);

    ledger().lowerTo(key, 10);
    assertThat(left(key, NO_REFILL, NOW)).isEqualTo(5);
    ledger().lowerTo(key, 2);
    assertThat(left(key, NO_REFILL, NOW)).isEqualTo(2);
    ledger().lowerTo(unmetered, 2);
    assertThat(ledger().spend(unmetered, 0, NO_REFILL, NOW)).isEqualTo(new Spend(false, 0));
  }

  @Test
  void set_replacesTheCountAndTheRefillClock() {
    ApiKeyId key = storedKey();
    Optional<Refill> daily = Optional.of(Refill.daily(10, RefillMode.SET));
    ledger().set(key, 1, Instant.parse("2026-02-01T00:00:00Z"));

    ledger().set(key, 3, daily.get().lastDue(NOW));

    // the refill was due long ago, but the clock was set to its last due time: not applied
    assertThat(ledger().spend(key, 1, daily, NOW)).isEqualTo(new Spend(true, 2));
  }

  @Test
  void remove_leavesTheKeyWithoutCredits() {
    ApiKeyId key = storedKey();
    ledger().set(key, 5, NOW);

    ledger().remove(key);

    assertThat(ledger().spend(key, 1, NO_REFILL, NOW)).isEqualTo(new Spend(false, 0));
  }

  @Test
  void setLowerAndRemove_inAUnitThatThrows_areUndone() {
    ApiKeyId key = storedKey();
    ApiKeyId other = storedKeyOf("org_b");
    ledger().set(key, 5, NOW);

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          ledger().set(other, 50, NOW);
                          ledger().lowerTo(key, 1);
                          throw new IllegalStateException("the audit write failed");
                        }))
        .hasMessage("the audit write failed");
    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          ledger().remove(key);
                          throw new IllegalStateException("the audit write failed");
                        }))
        .hasMessage("the audit write failed");

    assertThat(left(key, NO_REFILL, NOW)).isEqualTo(5);
    assertThat(ledger().spend(other, 0, NO_REFILL, NOW)).isEqualTo(new Spend(false, 0));
  }

  @Test
  void setInAUnitThatCommits_isKept() {
    ApiKeyId key = storedKey();

    stores
        .unitOfWork()
        .inTransaction(
            () -> {
              ledger().set(key, 7, NOW);
              ledger().lowerTo(key, 6);
              return null;
            });

    assertThat(left(key, NO_REFILL, NOW)).isEqualTo(6);
  }

  @Test
  void concurrentSpends_spendEachCreditOnce() throws Exception {
    ApiKeyId key = storedKey();
    Optional<Refill> daily = Optional.of(Refill.daily(1_000, RefillMode.SET));
    ledger().set(key, 50, daily.get().lastDue(NOW));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<Integer>> granted = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      granted.add(
          threads.submit(
              () -> {
                int spent = 0;
                for (int i = 0; i < 20; i++) {
                  spent += ledger().spend(key, 1, daily, NOW).granted() ? 1 : 0;
                }
                return spent;
              }));
    }
    int total = 0;
    for (Future<Integer> done : granted) {
      total += done.get(1, TimeUnit.MINUTES);
    }
    threads.shutdown();

    assertThat(total).isEqualTo(50);
    assertThat(left(key, daily, NOW)).isZero();
  }

  private ApiKeyId storedKeyOf(String org) {
    Api api = storedApi("https://" + org + ".example.com");
    ApiKey key = newKey(storedOrganization(org), api);
    stores.apiKeys().add(key);
    return key.id();
  }
}
