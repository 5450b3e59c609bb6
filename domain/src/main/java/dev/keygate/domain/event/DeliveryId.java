package dev.keygate.domain.event;

import dev.keygate.domain.TimeOrderedIds;
import dev.keygate.domain.ValidationException;
import java.time.Clock;

/**
 * The id of one event's delivery to one webhook: {@code msg_} and 32 time-ordered hex digits. It is
 * the {@code webhook-id} a receiver sees, the same on every attempt, so a receiver can drop a
 * repeat.
 */
public record DeliveryId(String value) {

  private static final String PREFIX = "msg_";

  public DeliveryId {
    if (!TimeOrderedIds.matches(value, PREFIX, TimeOrderedIds.HEX_LENGTH)) {
      throw new ValidationException(
          "delivery id must be 'msg_' followed by 32 lowercase hex digits");
    }
  }

  /** A fresh time-ordered id. */
  public static DeliveryId generate(Clock clock) {
    return new DeliveryId(PREFIX + TimeOrderedIds.next(clock));
  }

  @Override
  public String toString() {
    return value;
  }
}
