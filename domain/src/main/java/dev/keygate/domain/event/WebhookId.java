package dev.keygate.domain.event;

import dev.keygate.domain.TimeOrderedIds;
import dev.keygate.domain.ValidationException;
import java.time.Clock;

/** The id of a webhook: {@code webhook_} and 32 time-ordered hex digits. */
public record WebhookId(String value) {

  private static final String PREFIX = "webhook_";

  public WebhookId {
    if (!TimeOrderedIds.matches(value, PREFIX, TimeOrderedIds.HEX_LENGTH)) {
      throw new ValidationException(
          "webhook id must be 'webhook_' followed by 32 lowercase hex digits");
    }
  }

  /** A fresh time-ordered id. */
  public static WebhookId generate(Clock clock) {
    return new WebhookId(PREFIX + TimeOrderedIds.next(clock));
  }

  @Override
  public String toString() {
    return value;
  }
}
