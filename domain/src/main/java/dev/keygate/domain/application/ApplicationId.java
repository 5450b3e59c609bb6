package dev.keygate.domain.application;

import dev.keygate.domain.TimeOrderedIds;
import dev.keygate.domain.ValidationException;
import java.time.Clock;

/**
 * The id of an M2M application, which is also its OAuth client id: 32 time-ordered lowercase hex
 * digits, shaped as Kinde's are.
 */
public record ApplicationId(String value) {

  public ApplicationId {
    if (!TimeOrderedIds.matches(value, "", TimeOrderedIds.HEX_LENGTH)) {
      throw new ValidationException("application id must be 32 lowercase hex digits");
    }
  }

  /** A fresh time-ordered id. */
  public static ApplicationId generate(Clock clock) {
    return new ApplicationId(TimeOrderedIds.next(clock));
  }

  /** Whether {@code value} is shaped like an application id. */
  public static boolean isWellFormed(String value) {
    return TimeOrderedIds.matches(value, "", TimeOrderedIds.HEX_LENGTH);
  }

  @Override
  public String toString() {
    return value;
  }
}
