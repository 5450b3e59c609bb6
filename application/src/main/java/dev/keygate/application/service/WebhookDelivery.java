package dev.keygate.application.service;

import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.Outbox;
import dev.keygate.application.port.out.UnitOfWork;
import dev.keygate.application.port.out.WebhookSender;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The background side of the webhooks, run on a schedule by each node: sends the deliveries that
 * are due and records how each went, appends the expiry notices that fell due, and forgets old
 * deliveries. Any number of nodes may run it at once: a delivery is claimed by one node at a time,
 * and an expiry notice is appended once however many nodes see it.
 */
public final class WebhookDelivery {

  /** The most deliveries claimed per run. */
  static final int BATCH = 50;

  /** The most keys read per page of an expiry scan. */
  static final int SCAN_PAGE = 200;

  /** The actor of the events no caller causes. */
  static final String ACTOR = "keygate";

  /** How far back the first expiry scan of a process looks for keys that expired. */
  static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

  private final Outbox outbox;
  private final WebhookSender sender;
  private final ApiKeyRepository apiKeys;
  private final KeyEvents events;
  private final UnitOfWork unitOfWork;
  private final WebhookSettings settings;
  private final Clock clock;

  /** Where the last scan for expired keys ended; empty before the first. */
  private Optional<Instant> scannedUntil = Optional.empty();

  /** The notices this process appended or found appended, so a rescan asks the outbox no more. */
  private final Set<String> noticed = new HashSet<>();

  WebhookDelivery(
      Outbox outbox,
      WebhookSender sender,
      ApiKeyRepository apiKeys,
      KeyEvents events,
      UnitOfWork unitOfWork,
      WebhookSettings settings,
      Clock clock) {
    this.outbox = outbox;
    this.sender = sender;
    this.apiKeys = apiKeys;
    this.events = events;
    this.unitOfWork = unitOfWork;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Claims up to {@value #BATCH} due deliveries, sends each and records how it went: delivered, to
   * be retried by the retry schedule, or failed for good after its last attempt.
   *
   * @return how many were attempted
   */
  public int deliverDue() {
    Instant claimedAt = clock.instant();
    List<Outbox.DueDelivery> due =
        unitOfWork.inTransaction(() -> outbox.claimDue(claimedAt, settings.lease(), BATCH));
    // A send may take the whole timeout: one begun later than this would still run when its lease
    // ends and another node may claim it, and could then reach the receiver after the key's next
    // event. What is left waits for its lease to end, and is claimed again.
    Instant lastStart = claimedAt.plus(settings.lease()).minus(settings.sendTimeout());
    int attempted = 0;
    for (Outbox.DueDelivery claimed : due) {
      if (clock.instant().isAfter(lastStart)) {
        break;
      }
      attempt(claimed);
      attempted++;
    }
    return attempted;
  }

  private void attempt(Outbox.DueDelivery claimed) {
    Delivery delivery = claimed.delivery();
    WebhookSender.Sent sent = send(claimed);
    Instant at = clock.instant();
    if (sent.succeeded()) {
      int status = sent.statusCode().orElse(200);
      unitOfWork.inTransaction(
          () -> {
            outbox.delivered(delivery.id(), at, status);
            return null;
          });
    } else {
      Optional<Instant> retryAt = settings.retries().nextAttempt(delivery.attempts(), at);
      String error = sent.error().orElse("failed");
      unitOfWork.inTransaction(
          () -> {
            outbox.attemptFailed(delivery.id(), at, sent.statusCode(), error, retryAt);
            return null;
          });
    }
  }

  private WebhookSender.Sent send(Outbox.DueDelivery claimed) {
    try {
      return sender.send(
          claimed.endpoint(),
          claimed.storedSecret(),
          claimed.delivery().id(),
          claimed.event(),
          clock.instant());
    } catch (RuntimeException unexpected) {
      // The sender answers every failure; should it throw anyway, the attempt failed. The message
      // is not kept: it might quote what it was given.
      return WebhookSender.Sent.unreachable("send failed: " + unexpected.getClass().getName());
    }
  }

  /**
   * Appends {@code api_key.expiring} for every key that expires within the notice period, and
   * {@code api_key.expired} for every key that expired since the last scan (the first scan of a
   * process looks back a day); each once per key and expiry, however often and on however many
   * nodes this runs. Revoked keys are told of no more.
   *
   * @return how many notices were appended
   */
  public synchronized int noticeExpiries() {
    Instant now = clock.instant();
    Instant expiredAfter = scannedUntil.orElse(now.minus(FIRST_LOOK_BACK));
    int appended = notice(KeyEventType.EXPIRED, "expired:", expiredAfter, now);
    // Every key expiring within the notice period, not only those that entered it since the last
    // scan: a key may be made, or re-dated, to expire within it.
    appended +=
        notice(KeyEventType.EXPIRING, "expiring:", now, now.plus(settings.expiringNotice()));
    scannedUntil = Optional.of(now);
    noticed.removeIf(onceKey -> expiryOf(onceKey).isBefore(expiredAfter));
    return appended;
  }

  private int notice(KeyEventType type, String onceKeyPrefix, Instant after, Instant until) {
    int appended = 0;
    Instant from = after;
    int page = SCAN_PAGE;
    while (true) {
      List<ApiKey> keys = apiKeys.expiringBetween(from, until, page);
      if (keys.size() == page && expiryOf(keys.get(0)).equals(expiryOf(keys.get(page - 1)))) {
        // A full page of one expiry may hide more keys of it: read them all at once.
        page *= 2;
        continue;
      }
      for (ApiKey key : keys) {
        if (key.kind() == ApiKeyKind.PORTAL_LINK) {
          // A portal session's key was never handed to the customer: its end is no news to them.
          continue;
        }
        String onceKey = onceKeyPrefix + key.id().value() + ":" + expiryOf(key).toEpochMilli();
        if (noticed.contains(onceKey)) {
          continue;
        }
        boolean added = unitOfWork.inTransaction(() -> events.once(type, key, ACTOR, onceKey));
        noticed.add(onceKey);
        if (added) {
          appended++;
        }
      }
      if (keys.size() < page) {
        return appended;
      }
      // The next page starts at the last expiry read, so keys sharing it are read again rather
      // than skipped; the page held an earlier expiry too, so this moves on. A microsecond, the
      // finest time the databases keep, so that no rounding of the bound skips the last expiry.
      from = expiryOf(keys.get(keys.size() - 1)).minusNanos(1_000);
      page = SCAN_PAGE;
    }
  }

  private static Instant expiryOf(ApiKey key) {
    return key.expiresOn().orElseThrow();
  }

  private static Instant expiryOf(String onceKey) {
    return Instant.ofEpochMilli(Long.parseLong(onceKey.substring(onceKey.lastIndexOf(':') + 1)));
  }

  /** Forgets the deliveries done with (delivered or failed) longer ago than the retention. */
  public void prune() {
    Instant before = clock.instant().minus(settings.retention());
    unitOfWork.inTransaction(
        () -> {
          outbox.prune(before);
          return null;
        });
  }
}
