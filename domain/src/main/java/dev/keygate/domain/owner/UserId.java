package dev.keygate.domain.owner;

import dev.keygate.domain.TimeOrderedIds;
import java.time.Clock;

/**
 * The id of a user: {@code kp_} and 32 time-ordered hex digits when Keygate makes it, or the host
 * application's own id (1-64 of {@code [A-Za-z0-9_.:-]}).
 */
public record UserId(String value) {

  public UserId {
    OwnerIds.check("user id", value);
  }

  /** A fresh time-ordered id. */
  public static UserId generate(Clock clock) {
    return new UserId("kp_" + TimeOrderedIds.next(clock));
  }

  @Override
  public String toString() {
    return value;
  }
}
