package dev.keygate.domain.key;

import dev.keygate.domain.TimeOrderedIds;
import dev.keygate.domain.ValidationException;
import java.time.Clock;

/** The id of an API key: {@code api_key_} and 32 time-ordered hex digits. */
public record ApiKeyId(String value) {

  private static final String PREFIX = "api_key_";

  public ApiKeyId {
    if (!isWellFormed(value)) {
      throw new ValidationException(
          "api key id must be 'api_key_' followed by 32 lowercase hex digits");
    }
  }

  /** A fresh time-ordered id. */
  public static ApiKeyId generate(Clock clock) {
    return new ApiKeyId(PREFIX + TimeOrderedIds.next(clock));
  }

  /** Whether {@code value} is shaped like an API key id. */
  public static boolean isWellFormed(String value) {
    return TimeOrderedIds.matches(value, PREFIX, TimeOrderedIds.HEX_LENGTH);
  }

  @Override
  public String toString() {
    return value;
  }
}
