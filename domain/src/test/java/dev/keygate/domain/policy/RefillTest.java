package dev.keygate.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefillTest {

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  @Test
  void aDailyRefill_isDueAtEachMidnightUtc() {
    Refill daily = Refill.daily(10, RefillMode.SET);

    assertThat(daily.lastDue(at("2026-03-04T23:59:59Z"))).isEqualTo(at("2026-03-04T00:00:00Z"));
    assertThat(daily.lastDue(at("2026-03-05T00:00:00Z"))).isEqualTo(at("2026-03-05T00:00:00Z"));
    assertThat(daily.nextDue(at("2026-03-04T23:59:59Z"))).isEqualTo(at("2026-03-05T00:00:00Z"));
  }

  @Test
  void aMonthlyRefill_onTheThirtyFirst_fallsOnTheLastDayOfShorterMonths() {
    Refill monthly = Refill.monthly(10, 31, RefillMode.SET);

    assertThat(monthly.lastDue(at("2026-02-27T12:00:00Z"))).isEqualTo(at("2026-01-31T00:00:00Z"));
    assertThat(monthly.lastDue(at("2026-02-28T00:00:00Z"))).isEqualTo(at("2026-02-28T00:00:00Z"));
    assertThat(monthly.lastDue(at("2026-04-30T00:00:00Z"))).isEqualTo(at("2026-04-30T00:00:00Z"));
    assertThat(monthly.nextDue(at("2026-02-28T00:00:00Z"))).isEqualTo(at("2026-03-31T00:00:00Z"));
    assertThat(monthly.lastDue(at("2026-03-30T23:59:59Z"))).isEqualTo(at("2026-02-28T00:00:00Z"));
  }

  @Test
  void aMonthlyRefill_beforeItsDay_wasLastDueTheMonthBefore() {
    Refill monthly = Refill.monthly(10, 15, RefillMode.SET);

    assertThat(monthly.lastDue(at("2026-01-14T23:59:59Z"))).isEqualTo(at("2025-12-15T00:00:00Z"));
    assertThat(monthly.lastDue(at("2026-01-15T00:00:00Z"))).isEqualTo(at("2026-01-15T00:00:00Z"));
    assertThat(monthly.nextDue(at("2026-01-15T00:00:00Z"))).isEqualTo(at("2026-02-15T00:00:00Z"));
  }

  @Test
  void aPeriodicRefill_countsWholePeriodsFromTheEpoch() {
    Refill weekly = Refill.every(Duration.ofDays(7), 10, RefillMode.ADD);

    // The epoch was a Thursday: every seven days from it is a Thursday midnight.
    assertThat(weekly.lastDue(at("2026-12-02T10:00:00Z"))).isEqualTo(at("2026-11-26T00:00:00Z"));
    assertThat(weekly.nextDue(at("2026-12-02T10:00:00Z"))).isEqualTo(at("2026-12-03T00:00:00Z"));
  }

  @Test
  void badRefills_areRefused_namingTheRule() {
    assertThatThrownBy(() -> Refill.daily(0, RefillMode.SET))
        .isInstanceOf(ValidationException.class)
        .hasMessage("refill amount must be 1-1000000000000, was 0");
    assertThatThrownBy(() -> Refill.monthly(1, 32, RefillMode.SET))
        .hasMessage("refill day must be 1-31, was 32");
    assertThatThrownBy(
            () ->
                new Refill(1, Refill.Interval.DAILY, java.util.Optional.empty(), 3, RefillMode.SET))
        .hasMessage("refill day applies to monthly refills only");
    assertThatThrownBy(() -> Refill.every(Duration.ofSeconds(59), 1, RefillMode.SET))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("PT1M to P366D");
  }

  @Test
  void aRefillIsWithinAnother_onTheSameSchedule_givingNoMore_andNeverAddingWhereItSets() {
    Refill daily = Refill.daily(100, RefillMode.ADD);

    assertThat(Refill.daily(50, RefillMode.ADD).isWithin(daily)).isTrue();
    assertThat(Refill.daily(100, RefillMode.SET).isWithin(daily)).isTrue();
    assertThat(Refill.daily(101, RefillMode.ADD).isWithin(daily)).isFalse();
    assertThat(daily.isWithin(Refill.daily(100, RefillMode.SET))).isFalse();
    assertThat(Refill.monthly(100, 1, RefillMode.ADD).isWithin(daily)).isFalse();
  }
}
