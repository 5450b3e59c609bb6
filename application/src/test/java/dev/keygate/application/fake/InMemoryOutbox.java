package dev.keygate.application.fake;

import dev.keygate.application.port.out.Outbox;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.DeliveryStatus;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link Outbox} in maps, taking part in the {@link InMemoryUnitOfWork}: events in the order they
 * were appended, one delivery per receiving webhook, claimed oldest first and one at a time per
 * webhook and key. Deliveries of a webhook no longer in the {@link InMemoryWebhookRepository} are
 * gone with it.
 */
public final class InMemoryOutbox implements Outbox {

  /** A delivery with the order it was appended in, which orders a key's events. */
  private record Stored(long order, Delivery delivery) {}

  private final InMemoryWebhookRepository webhooks;
  private final Clock clock;
  private final LinkedHashMap<String, KeyEvent> events = new LinkedHashMap<>();
  private final TreeMap<String, Stored> deliveries = new TreeMap<>();
  private final Map<String, Boolean> onceKeys = new TreeMap<>();
  private long appended;

  public InMemoryOutbox(InMemoryWebhookRepository webhooks, Clock clock) {
    this.webhooks = webhooks;
    this.clock = clock;
  }

  @Override
  public synchronized boolean append(KeyEvent event, Optional<String> onceKey) {
    if (onceKey.isPresent()) {
      if (onceKeys.containsKey(onceKey.get())) {
        return false;
      }
      InMemoryUnitOfWork.willChange(this, onceKeys, onceKey.get());
      onceKeys.put(onceKey.get(), true);
    }
    InMemoryUnitOfWork.willChange(this, events, event.id());
    events.put(event.id(), event);
    for (Webhook webhook : webhooks.list(Optional.empty())) {
      if (webhook.receives(event)) {
        DeliveryId id = DeliveryId.generate(Clock.fixed(event.occurredAt(), ZoneOffset.UTC));
        Delivery delivery =
            new Delivery(
                id,
                webhook.id(),
                event.id(),
                event.type(),
                event.keyId(),
                DeliveryStatus.PENDING,
                0,
                event.occurredAt(),
                Optional.of(event.occurredAt()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        InMemoryUnitOfWork.willChange(this, deliveries, id.value());
        deliveries.put(id.value(), new Stored(++appended, delivery));
      }
    }
    return true;
  }

  @Override
  public synchronized List<DueDelivery> claimDue(Instant now, Duration lease, int limit) {
    Set<String> seen = new HashSet<>();
    List<DueDelivery> claimed = new ArrayList<>();
    for (Stored stored : inOrder()) {
      Delivery delivery = stored.delivery();
      if (delivery.status() != DeliveryStatus.PENDING) {
        continue;
      }
      // Only the oldest undelivered of a webhook and key may go: the later ones wait for it.
      if (!seen.add(delivery.webhook().value() + "/" + delivery.keyId().value())) {
        continue;
      }
      if (delivery.nextAttemptAt().orElseThrow().isAfter(now) || claimed.size() == limit) {
        continue;
      }
      Webhook webhook = webhooks.findById(delivery.webhook()).orElseThrow();
      Delivery attempt =
          with(
              delivery,
              DeliveryStatus.PENDING,
              delivery.attempts() + 1,
              Optional.of(now.plus(lease)),
              Optional.of(now),
              delivery.lastStatusCode(),
              delivery.lastError());
      put(stored.order(), attempt);
      claimed.add(
          new DueDelivery(
              attempt,
              events.get(delivery.eventId()),
              webhook.endpoint(),
              webhooks.storedSecret(webhook.id()).orElseThrow()));
    }
    return claimed;
  }

  @Override
  public synchronized void delivered(DeliveryId id, Instant at, int statusCode) {
    Stored stored = stored(id);
    put(
        stored.order(),
        with(
            stored.delivery(),
            DeliveryStatus.DELIVERED,
            stored.delivery().attempts(),
            Optional.empty(),
            Optional.of(at),
            Optional.of(statusCode),
            Optional.empty()));
  }

  @Override
  public synchronized void attemptFailed(
      DeliveryId id,
      Instant at,
      Optional<Integer> statusCode,
      String error,
      Optional<Instant> retryAt) {
    Stored stored = stored(id);
    put(
        stored.order(),
        with(
            stored.delivery(),
            retryAt.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
            stored.delivery().attempts(),
            retryAt,
            Optional.of(at),
            statusCode,
            Optional.of(error)));
  }

  @Override
  public synchronized Page<Delivery> deliveries(WebhookId webhook, PageRequest page) {
    List<Delivery> newestFirst =
        inOrder().stream()
            .map(Stored::delivery)
            .filter(delivery -> delivery.webhook().equals(webhook))
            .sorted(Comparator.comparing((Delivery delivery) -> delivery.id().value()).reversed())
            .filter(
                delivery ->
                    page.startingAfter()
                        .map(after -> delivery.id().value().compareTo(after) < 0)
                        .orElse(true))
            .toList();
    boolean more = newestFirst.size() > page.size();
    return new Page<>(more ? newestFirst.subList(0, page.size()) : newestFirst, more);
  }

  @Override
  public synchronized Optional<Delivery> findDelivery(DeliveryId id) {
    return Optional.ofNullable(deliveries.get(id.value()))
        .map(Stored::delivery)
        .filter(delivery -> webhooks.findById(delivery.webhook()).isPresent());
  }

  @Override
  public synchronized Delivery redeliver(DeliveryId id, Instant now) {
    Stored stored = stored(id);
    Delivery due =
        with(
            stored.delivery(),
            DeliveryStatus.PENDING,
            stored.delivery().attempts(),
            Optional.of(now),
            stored.delivery().lastAttemptAt(),
            stored.delivery().lastStatusCode(),
            stored.delivery().lastError());
    put(stored.order(), due);
    return due;
  }

  @Override
  public synchronized void prune(Instant before) {
    for (Stored stored : List.copyOf(deliveries.values())) {
      Delivery delivery = stored.delivery();
      if (delivery.status() != DeliveryStatus.PENDING
          && delivery.lastAttemptAt().orElse(delivery.createdOn()).isBefore(before)) {
        InMemoryUnitOfWork.willChange(this, deliveries, delivery.id().value());
        deliveries.remove(delivery.id().value());
      }
    }
    Set<String> stillDelivered = new HashSet<>();
    deliveries.values().forEach(stored -> stillDelivered.add(stored.delivery().eventId()));
    for (KeyEvent event : List.copyOf(events.values())) {
      if (!stillDelivered.contains(event.id()) && event.occurredAt().isBefore(before)) {
        InMemoryUnitOfWork.willChange(this, events, event.id());
        events.remove(event.id());
      }
    }
  }

  /** Every event kept, in the order appended: what the tests read what a change told. */
  public synchronized List<KeyEvent> events() {
    return List.copyOf(events.values());
  }

  /** Every delivery of every webhook still held, in the order appended. */
  public synchronized List<Delivery> deliveries() {
    return inOrder().stream().map(Stored::delivery).toList();
  }

  private List<Stored> inOrder() {
    return deliveries.values().stream()
        .filter(stored -> webhooks.findById(stored.delivery().webhook()).isPresent())
        .sorted(Comparator.comparingLong(Stored::order))
        .toList();
  }

  private Stored stored(DeliveryId id) {
    Stored stored = deliveries.get(id.value());
    if (stored == null || webhooks.findById(stored.delivery().webhook()).isEmpty()) {
      throw new NotFoundException("delivery " + id + " not found");
    }
    return stored;
  }

  private void put(long order, Delivery delivery) {
    InMemoryUnitOfWork.willChange(this, deliveries, delivery.id().value());
    deliveries.put(delivery.id().value(), new Stored(order, delivery));
  }

  private static Delivery with(
      Delivery delivery,
      DeliveryStatus status,
      int attempts,
      Optional<Instant> nextAttemptAt,
      Optional<Instant> lastAttemptAt,
      Optional<Integer> lastStatusCode,
      Optional<String> lastError) {
    return new Delivery(
        delivery.id(),
        delivery.webhook(),
        delivery.eventId(),
        delivery.eventType(),
        delivery.keyId(),
        status,
        attempts,
        delivery.createdOn(),
        nextAttemptAt,
        lastAttemptAt,
        lastStatusCode,
        lastError);
  }
}
