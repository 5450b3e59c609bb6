package dev.keygate.domain.event;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How long a delivery waits after each failed attempt before the next; after the last wait's
 * attempt fails too, the delivery has failed for good.
 *
 * @param waits the wait after the first, second, ... failed attempt
 */
public record RetrySchedule(List<Duration> waits) {

  /**
   * The schedule Standard Webhooks recommends: after the first attempt, 5 seconds, 5 minutes, 30
   * minutes, 2 hours, 5 hours, 10 hours and 10 hours; 8 attempts over about 27 hours.
   */
  public static final RetrySchedule STANDARD =
      new RetrySchedule(
          List.of(
              Duration.ofSeconds(5),
              Duration.ofMinutes(5),
              Duration.ofMinutes(30),
              Duration.ofHours(2),
              Duration.ofHours(5),
              Duration.ofHours(10),
              Duration.ofHours(10)));

  public RetrySchedule {
    waits = List.copyOf(Checks.required("retry waits", waits));
    if (waits.stream().anyMatch(wait -> wait.isNegative())) {
      throw new ValidationException("a retry wait cannot be negative");
    }
  }

  /**
   * When to try again after attempt number {@code attemptsMade} (1 for the first) failed at {@code
   * now}; empty when that was the last attempt.
   */
  public Optional<Instant> nextAttempt(int attemptsMade, Instant now) {
    if (attemptsMade < 1 || attemptsMade > waits.size()) {
      return Optional.empty();
    }
    return Optional.of(now.plus(waits.get(attemptsMade - 1)));
  }
}
