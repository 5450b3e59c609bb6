package dev.keygate.domain.event;

import dev.keygate.domain.Checks;
import dev.keygate.domain.key.ApiKeyId;
import java.time.Instant;
import java.util.Optional;

/**
 * One event's delivery to one webhook, and how its attempts went: the delivery log's line.
 *
 * @param attempts how many attempts were made, the one in flight included
 * @param nextAttemptAt when it is next tried; empty once delivered or failed for good
 * @param lastStatusCode the receiver's status code at the last attempt, when it answered
 * @param lastError why the last attempt failed, when it did: a status line or a network error,
 *     never the receiver's body
 */
public record Delivery(
    DeliveryId id,
    WebhookId webhook,
    String eventId,
    KeyEventType eventType,
    ApiKeyId keyId,
    DeliveryStatus status,
    int attempts,
    Instant createdOn,
    Optional<Instant> nextAttemptAt,
    Optional<Instant> lastAttemptAt,
    Optional<Integer> lastStatusCode,
    Optional<String> lastError) {

  public Delivery {
    Checks.required("delivery id", id);
    Checks.required("delivery webhook", webhook);
    Checks.required("delivery event id", eventId);
    Checks.required("delivery event type", eventType);
    Checks.required("delivery key id", keyId);
    Checks.required("delivery status", status);
    Checks.required("delivery creation time", createdOn);
    Checks.required("delivery next attempt", nextAttemptAt);
    Checks.required("delivery last attempt", lastAttemptAt);
    Checks.required("delivery last status code", lastStatusCode);
    Checks.required("delivery last error", lastError);
  }
}
