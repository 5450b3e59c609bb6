package dev.keygate.domain.policy;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Credits given back on a schedule, in UTC: every day at midnight, every month on {@code day} at
 * midnight (the month's last day when it is shorter), or every {@code period} counted from the
 * epoch. A refill that was due while nobody used the key is applied once, at the next use.
 *
 * @param period the interval of a periodic refill; empty for daily and monthly ones
 * @param day the day of the month of a monthly refill, 1-31; 1 for the others
 */
public record Refill(
    long amount, Interval interval, Optional<Duration> period, int day, RefillMode mode) {

  /** How often credits are refilled. */
  public enum Interval {
    DAILY,
    MONTHLY,
    PERIODIC
  }

  public static final Duration MIN_PERIOD = Duration.ofMinutes(1);
  public static final Duration MAX_PERIOD = Duration.ofDays(366);

  public Refill {
    if (amount < 1 || amount > Credits.MAX_CREDITS) {
      throw new ValidationException(
          "refill amount must be 1-" + Credits.MAX_CREDITS + ", was " + amount);
    }
    Checks.required("refill interval", interval);
    Checks.required("refill period", period);
    Checks.required("refill mode", mode);
    if ((interval == Interval.PERIODIC) != period.isPresent()) {
      throw new IllegalArgumentException("a period is given exactly for a periodic refill");
    }
    if (period.isPresent()
        && (period.get().getNano() != 0
            || period.get().compareTo(MIN_PERIOD) < 0
            || period.get().compareTo(MAX_PERIOD) > 0)) {
      throw new ValidationException(
          "refill interval must be daily, monthly, or a duration of whole seconds from PT1M to"
              + " P366D, was "
              + period.get());
    }
    if (interval == Interval.MONTHLY ? day < 1 || day > 31 : day != 1) {
      throw new ValidationException(
          interval == Interval.MONTHLY
              ? "refill day must be 1-31, was " + day
              : "refill day applies to monthly refills only");
    }
  }

  public static Refill daily(long amount, RefillMode mode) {
    return new Refill(amount, Interval.DAILY, Optional.empty(), 1, mode);
  }

  public static Refill monthly(long amount, int day, RefillMode mode) {
    return new Refill(amount, Interval.MONTHLY, Optional.empty(), day, mode);
  }

  public static Refill every(Duration period, long amount, RefillMode mode) {
    return new Refill(amount, Interval.PERIODIC, Optional.of(period), 1, mode);
  }

  /** The latest moment at or before {@code now} at which this refill was due. */
  public Instant lastDue(Instant now) {
    ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
    return switch (interval) {
      case DAILY -> utc.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
      case MONTHLY -> {
        Instant thisMonth = dueIn(utc.toLocalDate());
        yield thisMonth.isAfter(now) ? dueIn(utc.toLocalDate().minusMonths(1)) : thisMonth;
      }
      case PERIODIC -> {
        long seconds = period.get().toSeconds();
        yield Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
      }
    };
  }

  /** The first moment after {@code now} at which this refill is due. */
  public Instant nextDue(Instant now) {
    Instant last = lastDue(now);
    return switch (interval) {
      case DAILY -> last.plus(Duration.ofDays(1));
      case MONTHLY -> dueIn(last.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(1));
      case PERIODIC -> last.plus(period.get());
    };
  }

  /**
   * Whether this refill gives at most what {@code other} gives: on the same schedule, no more
   * credits, and never adding where the other sets.
   */
  public boolean isWithin(Refill other) {
    return interval == other.interval
        && period.equals(other.period)
        && day == other.day
        && amount <= other.amount
        && (mode == other.mode || mode == RefillMode.SET);
  }

  private Instant dueIn(LocalDate month) {
    int dayOfMonth = Math.min(day, month.lengthOfMonth());
    return month.withDayOfMonth(dayOfMonth).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
