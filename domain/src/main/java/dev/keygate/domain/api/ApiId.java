package dev.keygate.domain.api;

import dev.keygate.domain.TimeOrderedIds;
import dev.keygate.domain.ValidationException;
import java.time.Clock;

/** The id of a registered API: {@code api_} and 32 time-ordered hex digits. */
public record ApiId(String value) {

  private static final String PREFIX = "api_";

  public ApiId {
    if (!TimeOrderedIds.matches(value, PREFIX, TimeOrderedIds.HEX_LENGTH)) {
      throw new ValidationException("api id must be 'api_' followed by 32 lowercase hex digits");
    }
  }

  /** A fresh time-ordered id. */
  public static ApiId generate(Clock clock) {
    return new ApiId(PREFIX + TimeOrderedIds.next(clock));
  }

  /** Whether {@code value} is shaped like an API id. */
  public static boolean isWellFormed(String value) {
    return TimeOrderedIds.matches(value, PREFIX, TimeOrderedIds.HEX_LENGTH);
  }

  @Override
  public String toString() {
    return value;
  }
}
