package dev.keygate.domain.api;

import dev.keygate.domain.TimeOrderedIds;
import dev.keygate.domain.ValidationException;
import java.time.Clock;

/** The id of a scope: {@code api_scope_} and 32 time-ordered hex digits. */
public record ScopeId(String value) {

  private static final String PREFIX = "api_scope_";

  public ScopeId {
    if (!isWellFormed(value)) {
      throw new ValidationException(
          "scope id must be 'api_scope_' followed by 32 lowercase hex digits");
    }
  }

  /** A fresh time-ordered id. */
  public static ScopeId generate(Clock clock) {
    return new ScopeId(PREFIX + TimeOrderedIds.next(clock));
  }

  /** Whether {@code value} is shaped like a scope id (rather than a scope key). */
  public static boolean isWellFormed(String value) {
    return TimeOrderedIds.matches(value, PREFIX, TimeOrderedIds.HEX_LENGTH);
  }

  @Override
  public String toString() {
    return value;
  }
}
