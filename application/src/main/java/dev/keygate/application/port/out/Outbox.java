package dev.keygate.application.port.out;

import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.event.WebhookId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The events waiting to be sent and the log of their deliveries. An event is appended in the same
 * unit as the change it tells of, so an event is kept exactly when its change is; delivering it is
 * a later, separate step that may be repeated, so every event reaches every webhook at least once.
 */
public interface Outbox {

  /**
   * Appends {@code event}, with one delivery due now for every webhook that {@link
   * dev.keygate.domain.event.Webhook#receives receives} it, in the current unit.
   *
   * @param onceKey when present, the event is appended only if no event was appended with this key
   *     before (an expiry notice is sent once however many nodes see it)
   * @return whether it was appended
   */
  boolean append(KeyEvent event, Optional<String> onceKey);

  /**
   * Claims up to {@code limit} deliveries that are due at {@code now}, each the oldest not yet
   * delivered of its webhook and key (so a key's events reach a webhook in order), oldest first. A
   * claim counts as an attempt and moves the delivery's next attempt to {@code now + lease}, so
   * that no other node claims it meanwhile and, should this process die while sending, it is sent
   * again once the lease ran out.
   */
  List<DueDelivery> claimDue(Instant now, Duration lease, int limit);

  /** The claimed delivery was accepted by its receiver. */
  void delivered(DeliveryId id, Instant at, int statusCode);

  /**
   * The claimed delivery's attempt failed.
   *
   * @param retryAt when to try again; empty when it failed for good
   */
  void attemptFailed(
      DeliveryId id,
      Instant at,
      Optional<Integer> statusCode,
      String error,
      Optional<Instant> retryAt);

  /** The deliveries to one webhook, newest first: the delivery log. */
  Page<Delivery> deliveries(WebhookId webhook, PageRequest page);

  Optional<Delivery> findDelivery(DeliveryId id);

  /** Makes a delivery due again at {@code now}, whatever its status; its attempts keep counting. */
  Delivery redeliver(DeliveryId id, Instant now);

  /** Forgets the events and deliveries done with (delivered or failed) before {@code before}. */
  void prune(Instant before);

  /**
   * A delivery to make now: the event, where to and with which secret.
   *
   * @param storedSecret the webhook's signing secret as stored
   */
  record DueDelivery(Delivery delivery, KeyEvent event, URI endpoint, String storedSecret) {
    public DueDelivery {
      Objects.requireNonNull(delivery, "delivery");
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(storedSecret, "stored secret");
    }

    @Override
    public String toString() {
      return "DueDelivery[" + delivery.id() + " to " + endpoint + "]";
    }
  }
}
