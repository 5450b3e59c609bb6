package dev.keygate.application.contract;

import static dev.keygate.application.contract.WebhookRepositoryContract.SECRET;
import static dev.keygate.application.contract.WebhookRepositoryContract.newWebhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.port.out.Outbox;
import dev.keygate.application.port.out.Outbox.DueDelivery;
import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.DeliveryStatus;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Leak;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Outbox} must do: append an event with one delivery for each webhook that
 * receives it, in the caller's unit and once per once-key; claim each webhook's deliveries of one
 * key one at a time in the order appended, each by one claimer until its lease ends; and keep the
 * log of how each went.
 */
public abstract class OutboxContract extends StoreContract {

  private static final Duration LEASE = Duration.ofSeconds(15);

  /** The outbox under test, over the {@link #stores} opened for this test. */
  protected abstract Outbox outbox();

  /** The webhooks {@link #outbox()} fans out to. */
  protected abstract WebhookRepository webhooks();

  private Api api;
  private Owner orgA;
  private Owner orgB;
  private Owner alice;

  @BeforeEach
  void storeOwnersAndApi() {
    api = storedApi("https://orders.example.com");
    orgA = storedOrganization("org_a");
    orgB = storedOrganization("org_b");
    alice = storedUser("kp_alice");
  }

  private Webhook stored(Optional<String> org, KeyEventType... types) {
    Webhook webhook = newWebhook(org, types);
    webhooks().add(webhook, SECRET);
    return webhook;
  }

  private Webhook storedForAll() {
    return stored(Optional.empty(), KeyEventType.values());
  }

  /** An event of {@code key} that happened at {@code at}. */
  private static KeyEvent event(KeyEventType type, ApiKey key, Instant at) {
    Optional<Leak> leak =
        type == KeyEventType.LEAKED
            ? Optional.of(
                new Leak(
                    Leak.Source.GITHUB_SECRET_SCANNING,
                    Optional.of("https://github.com/acme/app/blob/main/.env")))
            : Optional.empty();
    return KeyEvent.of(type, key, "cli:alice", leak, Clock.fixed(at, ZoneOffset.UTC));
  }

  private KeyEvent appended(KeyEventType type, ApiKey key, Instant at) {
    KeyEvent event = event(type, key, at);
    assertThat(outbox().append(event, Optional.empty())).isTrue();
    return event;
  }

  private List<DueDelivery> claim(Instant now) {
    return outbox().claimDue(now, LEASE, 50);
  }

  /** Which event went to which webhook, for each claimed delivery, in the order claimed. */
  private static List<String> sent(List<DueDelivery> claimed) {
    return claimed.stream().map(due -> due.event().id() + ">" + due.delivery().webhook()).toList();
  }

  private static String to(KeyEvent event, Webhook webhook) {
    return event.id() + ">" + webhook.id();
  }

  /** The one delivery of {@code event} to {@code webhook}, from the log. */
  private Delivery deliveryOf(KeyEvent event, Webhook webhook) {
    return outbox()
        .deliveries(webhook.id(), new PageRequest(PageRequest.MAX_SIZE, Optional.empty()))
        .items()
        .stream()
        .filter(delivery -> delivery.eventId().equals(event.id()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anAppendedEvent_isClaimedWithTheEventTheEndpointAndTheStoredSecret() {
    Webhook webhook = storedForAll();
    KeyEvent event = appended(KeyEventType.LEAKED, newKey(orgA, api), NOW);

    List<DueDelivery> claimed = claim(NOW);

    assertThat(claimed).hasSize(1);
    DueDelivery due = claimed.get(0);
    assertThat(due.event()).isEqualTo(event);
    assertThat(due.endpoint()).isEqualTo(webhook.endpoint());
    assertThat(due.storedSecret()).isEqualTo(SECRET);
    Delivery delivery = due.delivery();
    assertThat(delivery.webhook()).isEqualTo(webhook.id());
    assertThat(delivery.eventId()).isEqualTo(event.id());
    assertThat(delivery.eventType()).isEqualTo(KeyEventType.LEAKED);
    assertThat(delivery.keyId()).isEqualTo(event.keyId());
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(delivery.createdOn()).isEqualTo(NOW);
    assertThat(delivery.nextAttemptAt()).contains(NOW.plus(LEASE));
    assertThat(outbox().findDelivery(delivery.id())).contains(delivery);
  }

  @Test
  void anEventOfAUserOrEnvironmentKeyWithNoExpiry_roundTrips() {
    storedForAll();
    KeyEvent ofUser = appended(KeyEventType.DISABLED, newKey(alice, api).disable(), NOW);
    KeyEvent ofEnvironment =
        appended(KeyEventType.CREATED, newKey(new Owner.Environment(), api), NOW.plusSeconds(1));

    assertThat(claim(NOW.plusSeconds(1)))
        .extracting(DueDelivery::event)
        .containsExactly(ofUser, ofEnvironment);
  }

  @Test
  void aReplacedSecret_signsTheDeliveriesNotYetMade() {
    Webhook webhook = storedForAll();
    appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    String replaced = "sealed:eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..iv.cipher.tag";

    webhooks().replaceSecret(webhook.id(), replaced);

    assertThat(claim(NOW)).extracting(DueDelivery::storedSecret).containsExactly(replaced);
  }

  @Test
  void append_goesToTheWebhooksThatReceiveTheEvent_only() {
    Webhook everything = storedForAll();
    Webhook revokedOfA = stored(Optional.of("org_a"), KeyEventType.REVOKED);
    Webhook createdOfA = stored(Optional.of("org_a"), KeyEventType.CREATED);
    Webhook revokedOfB = stored(Optional.of("org_b"), KeyEventType.REVOKED);
    Webhook revokedOfAll = stored(Optional.empty(), KeyEventType.REVOKED);
    KeyEvent ofA = appended(KeyEventType.REVOKED, newKey(orgA, api), NOW);
    KeyEvent ofAlice = appended(KeyEventType.REVOKED, newKey(alice, api), NOW);

    assertThat(sent(claim(NOW)))
        .containsExactlyInAnyOrder(
            to(ofA, everything),
            to(ofA, revokedOfA),
            to(ofA, revokedOfAll),
            to(ofAlice, everything),
            to(ofAlice, revokedOfAll));
    assertThat(outbox().deliveries(createdOfA.id(), PageRequest.first()).items()).isEmpty();
    assertThat(outbox().deliveries(revokedOfB.id(), PageRequest.first()).items()).isEmpty();
  }

  @Test
  void anEventNoWebhookReceives_isAppendedWithoutDeliveries() {
    Webhook created = stored(Optional.empty(), KeyEventType.CREATED);

    assertThat(
            outbox().append(event(KeyEventType.ROTATED, newKey(orgA, api), NOW), Optional.empty()))
        .isTrue();

    assertThat(claim(NOW)).isEmpty();
    assertThat(outbox().deliveries(created.id(), PageRequest.first()).items()).isEmpty();
  }

  @Test
  void append_inAUnitThatThrows_leavesNeitherEventNorDelivery_norItsOnceKey() {
    storedForAll();
    ApiKey key = newKey(orgA, api);

    assertThatThrownBy(
            () ->
                stores
                    .unitOfWork()
                    .inTransaction(
                        () -> {
                          outbox().append(event(KeyEventType.EXPIRING, key, NOW), Optional.of("x"));
                          throw new IllegalStateException("the audit write failed");
                        }))
        .hasMessage("the audit write failed");

    assertThat(claim(NOW)).isEmpty();
    KeyEvent again = event(KeyEventType.EXPIRING, key, NOW);
    assertThat(outbox().append(again, Optional.of("x"))).isTrue();
    assertThat(claim(NOW)).extracting(DueDelivery::event).containsExactly(again);
  }

  @Test
  void append_inAUnitThatCommits_isKeptWithTheUnitsOtherChanges() {
    storedForAll();
    ApiKey key = newKey(orgA, api);
    KeyEvent event = event(KeyEventType.CREATED, key, NOW);

    stores
        .unitOfWork()
        .inTransaction(
            () -> {
              stores.apiKeys().add(key);
              return outbox().append(event, Optional.empty());
            });

    assertThat(stores.apiKeys().findById(key.id())).isPresent();
    assertThat(claim(NOW)).extracting(DueDelivery::event).containsExactly(event);
  }

  @Test
  void aOnceKey_appendsOnce_andTheRefusalLeavesTheUnitUsable() {
    Webhook webhook = storedForAll();
    ApiKey key = newKey(orgA, api);
    KeyEvent first = event(KeyEventType.EXPIRING, key, NOW);
    KeyEvent repeat = event(KeyEventType.EXPIRING, key, NOW);
    KeyEvent other = event(KeyEventType.EXPIRED, key, NOW.plusSeconds(1));
    KeyEvent plain = event(KeyEventType.DISABLED, key, NOW.plusSeconds(2));

    assertThat(outbox().append(first, Optional.of("expiring:" + key.id() + ":1"))).isTrue();
    // in one unit: the refusal must not spoil what the unit writes after it
    List<Boolean> answers =
        stores
            .unitOfWork()
            .inTransaction(
                () ->
                    List.of(
                        outbox().append(repeat, Optional.of("expiring:" + key.id() + ":1")),
                        outbox().append(other, Optional.of("expired:" + key.id() + ":1")),
                        outbox().append(plain, Optional.empty())));

    assertThat(answers).containsExactly(false, true, true);
    assertThat(outbox().deliveries(webhook.id(), PageRequest.first()).items())
        .extracting(Delivery::eventId)
        .containsExactlyInAnyOrder(first.id(), other.id(), plain.id());
  }

  @Test
  void aKeysLaterEvent_waitsForItsEarlierOne_perWebhook_evenWhileTheEarlierWaitsForARetry() {
    Webhook everything = storedForAll();
    Webhook revokedOnly = stored(Optional.empty(), KeyEventType.REVOKED);
    ApiKey key = newKey(orgA, api);
    ApiKey otherKey = newKey(orgA, api);
    KeyEvent leaked = appended(KeyEventType.LEAKED, key, NOW);
    KeyEvent revoked = appended(KeyEventType.REVOKED, key, NOW.plusSeconds(1));
    KeyEvent ofOther = appended(KeyEventType.REVOKED, otherKey, NOW.plusSeconds(2));

    // the earlier event of the key first; the other webhook did not receive it, so it need not wait
    List<DueDelivery> claimed = claim(NOW.plusSeconds(2));
    assertThat(sent(claimed))
        .containsExactlyInAnyOrder(
            to(leaked, everything),
            to(revoked, revokedOnly),
            to(ofOther, everything),
            to(ofOther, revokedOnly));
    Delivery first = deliveryOf(leaked, everything);
    claimed.stream()
        .map(due -> due.delivery().id())
        .filter(id -> !id.equals(first.id()))
        .forEach(id -> outbox().delivered(id, NOW.plusSeconds(3), 200));
    Instant retryAt = NOW.plusSeconds(600);
    outbox()
        .attemptFailed(
            first.id(), NOW.plusSeconds(3), Optional.of(503), "HTTP 503", Optional.of(retryAt));

    // the later one is due, but the earlier one is still pending, waiting for its retry
    assertThat(claim(NOW.plusSeconds(300))).isEmpty();
    assertThat(sent(claim(retryAt))).containsExactly(to(leaked, everything));
    outbox().delivered(first.id(), retryAt.plusSeconds(1), 200);
    assertThat(sent(claim(retryAt.plusSeconds(1)))).containsExactly(to(revoked, everything));
  }

  @Test
  void aFailedDelivery_noLongerHoldsBackTheKeysLaterOnes() {
    Webhook webhook = storedForAll();
    ApiKey key = newKey(orgA, api);
    KeyEvent disabled = appended(KeyEventType.DISABLED, key, NOW);
    KeyEvent enabled = appended(KeyEventType.ENABLED, key, NOW.plusSeconds(1));
    DueDelivery due = claim(NOW.plusSeconds(1)).get(0);

    outbox()
        .attemptFailed(
            due.delivery().id(),
            NOW.plusSeconds(2),
            Optional.empty(),
            "connection refused",
            Optional.empty());

    assertThat(sent(claim(NOW.plusSeconds(2)))).containsExactly(to(enabled, webhook));
    Delivery failed = deliveryOf(disabled, webhook);
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.nextAttemptAt()).isEmpty();
    assertThat(failed.lastAttemptAt()).contains(NOW.plusSeconds(2));
    assertThat(failed.lastStatusCode()).isEmpty();
    assertThat(failed.lastError()).contains("connection refused");
  }

  @Test
  void aClaimedDelivery_isNotClaimedAgainBeforeItsLeaseEnds_andIsAfter() {
    storedForAll();
    KeyEvent event = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    assertThat(claim(NOW)).hasSize(1);

    assertThat(claim(NOW.plus(LEASE).minusSeconds(1))).isEmpty();
    List<DueDelivery> again = claim(NOW.plus(LEASE));

    assertThat(again).extracting(DueDelivery::event).containsExactly(event);
    assertThat(again.get(0).delivery().attempts()).isEqualTo(2);
    assertThat(again.get(0).delivery().nextAttemptAt()).contains(NOW.plus(LEASE).plus(LEASE));
  }

  @Test
  void aDeliveryNotYetDue_isNotClaimed_andClaimTakesAtMostTheLimit_oldestFirst() {
    storedForAll();
    KeyEvent first = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    KeyEvent second = appended(KeyEventType.CREATED, newKey(orgA, api), NOW.plusSeconds(1));
    KeyEvent third = appended(KeyEventType.CREATED, newKey(orgA, api), NOW.plusSeconds(2));

    assertThat(outbox().claimDue(NOW.minusSeconds(1), LEASE, 50)).isEmpty();
    assertThat(outbox().claimDue(NOW.plusSeconds(5), LEASE, 2))
        .extracting(DueDelivery::event)
        .containsExactly(first, second);
    assertThat(outbox().claimDue(NOW.plusSeconds(5), LEASE, 2))
        .extracting(DueDelivery::event)
        .containsExactly(third);
  }

  @Test
  void delivered_isLoggedAndNeverClaimedAgain() {
    Webhook webhook = storedForAll();
    KeyEvent event = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    DeliveryId id = claim(NOW).get(0).delivery().id();
    outbox().attemptFailed(id, NOW, Optional.of(500), "HTTP 500", Optional.of(NOW.plusSeconds(5)));
    claim(NOW.plusSeconds(5));

    outbox().delivered(id, NOW.plusSeconds(6), 204);

    Delivery delivery = deliveryOf(event, webhook);
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(delivery.attempts()).isEqualTo(2);
    assertThat(delivery.lastAttemptAt()).contains(NOW.plusSeconds(6));
    assertThat(delivery.lastStatusCode()).contains(204);
    assertThat(delivery.lastError()).isEmpty();
    assertThat(delivery.nextAttemptAt()).isEmpty();
    assertThat(claim(NOW.plus(Duration.ofDays(1)))).isEmpty();
  }

  @Test
  void aFailedAttemptWithARetry_isLoggedAndClaimedAgainAtTheRetry() {
    Webhook webhook = storedForAll();
    KeyEvent event = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    DeliveryId id = claim(NOW).get(0).delivery().id();
    Instant retryAt = NOW.plusSeconds(5);

    outbox()
        .attemptFailed(id, NOW.plusSeconds(1), Optional.of(500), "HTTP 500", Optional.of(retryAt));

    Delivery delivery = deliveryOf(event, webhook);
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(delivery.lastAttemptAt()).contains(NOW.plusSeconds(1));
    assertThat(delivery.lastStatusCode()).contains(500);
    assertThat(delivery.lastError()).contains("HTTP 500");
    assertThat(delivery.nextAttemptAt()).contains(retryAt);
    assertThat(claim(retryAt.minusSeconds(1))).isEmpty();
    assertThat(claim(retryAt)).extracting(due -> due.delivery().id()).containsExactly(id);
  }

  @Test
  void redeliver_makesAFailedOrDeliveredDeliveryDueNow_attemptsCounting() {
    Webhook webhook = storedForAll();
    KeyEvent event = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    DeliveryId id = claim(NOW).get(0).delivery().id();
    outbox().attemptFailed(id, NOW, Optional.of(410), "HTTP 410", Optional.empty());
    Instant later = NOW.plusSeconds(3600);

    Delivery redelivered = outbox().redeliver(id, later);

    assertThat(redelivered.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(redelivered.nextAttemptAt()).contains(later);
    assertThat(redelivered.attempts()).isEqualTo(1);
    assertThat(deliveryOf(event, webhook)).isEqualTo(redelivered);
    List<DueDelivery> claimed = claim(later);
    assertThat(claimed).extracting(due -> due.delivery().id()).containsExactly(id);
    assertThat(claimed.get(0).delivery().attempts()).isEqualTo(2);
    outbox().delivered(id, later, 200);
    assertThat(outbox().redeliver(id, later.plusSeconds(1)).status())
        .isEqualTo(DeliveryStatus.PENDING);
    assertThat(claim(later.plusSeconds(1))).hasSize(1);
  }

  @Test
  void redeliverOfAnUnknownDelivery_isNotFound() {
    assertThatThrownBy(() -> outbox().redeliver(DeliveryId.generate(CLOCK), NOW))
        .isInstanceOf(NotFoundException.class);
    assertThat(outbox().findDelivery(DeliveryId.generate(CLOCK))).isEmpty();
  }

  @Test
  void deliveries_areTheWebhooksNewestFirst_pagedAfterTheLastIdSeen() {
    Webhook webhook = storedForAll();
    Webhook other = storedForAll();
    KeyEvent first = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    KeyEvent second = appended(KeyEventType.CREATED, newKey(orgB, api), NOW.plusSeconds(1));
    KeyEvent third = appended(KeyEventType.CREATED, newKey(alice, api), NOW.plusSeconds(2));

    Page<Delivery> page = outbox().deliveries(webhook.id(), PageRequest.first(2));
    assertThat(page.items()).extracting(Delivery::eventId).containsExactly(third.id(), second.id());
    assertThat(page.items()).allSatisfy(d -> assertThat(d.webhook()).isEqualTo(webhook.id()));
    assertThat(page.hasMore()).isTrue();
    Page<Delivery> next =
        outbox()
            .deliveries(
                webhook.id(), new PageRequest(2, Optional.of(page.items().get(1).id().value())));
    assertThat(next.items()).extracting(Delivery::eventId).containsExactly(first.id());
    assertThat(next.hasMore()).isFalse();
    assertThat(outbox().deliveries(other.id(), PageRequest.first(3)).hasMore()).isFalse();
    assertThat(outbox().deliveries(WebhookId.generate(CLOCK), PageRequest.first()).items())
        .isEmpty();
  }

  @Test
  void deletingAWebhook_deletesItsDeliveries() {
    Webhook deleted = storedForAll();
    Webhook kept = storedForAll();
    KeyEvent event = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    Delivery ofDeleted = deliveryOf(event, deleted);

    webhooks().delete(deleted.id());

    assertThat(outbox().findDelivery(ofDeleted.id())).isEmpty();
    assertThat(outbox().deliveries(deleted.id(), PageRequest.first()).items()).isEmpty();
    assertThat(sent(claim(NOW))).containsExactly(to(event, kept));
  }

  @Test
  void deletingAnOrganizationsWebhooks_deletesTheirDeliveries() {
    Webhook ofA = stored(Optional.of("org_a"), KeyEventType.CREATED);
    Webhook all = storedForAll();
    KeyEvent event = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    Delivery ofTheOrg = deliveryOf(event, ofA);

    webhooks().deleteOf(new OrgCode("org_a"));

    assertThat(outbox().findDelivery(ofTheOrg.id())).isEmpty();
    assertThat(sent(claim(NOW))).containsExactly(to(event, all));
  }

  @Test
  void prune_forgetsTheDeliveriesDoneBeforeTheCut_andKeepsTheRest() {
    Webhook webhook = storedForAll();
    KeyEvent deliveredEarly = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    KeyEvent failedEarly = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    KeyEvent deliveredLate = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    KeyEvent pending = appended(KeyEventType.CREATED, newKey(orgA, api), NOW);
    claim(NOW);
    Instant cut = NOW.plus(Duration.ofDays(30));
    outbox().delivered(deliveryOf(deliveredEarly, webhook).id(), NOW, 200);
    outbox()
        .attemptFailed(
            deliveryOf(failedEarly, webhook).id(),
            NOW,
            Optional.of(500),
            "HTTP 500",
            Optional.empty());
    outbox().delivered(deliveryOf(deliveredLate, webhook).id(), cut, 200);

    outbox().prune(cut);

    assertThat(outbox().deliveries(webhook.id(), PageRequest.first()).items())
        .extracting(Delivery::eventId)
        .containsExactlyInAnyOrder(deliveredLate.id(), pending.id());
    // the pending delivery's event is kept with it
    assertThat(claim(cut.plus(LEASE))).extracting(DueDelivery::event).containsExactly(pending);
  }

  @Test
  void concurrentClaimers_neverClaimTheSameDelivery() throws Exception {
    storedForAll();
    storedForAll();
    int keys = 30;
    for (int i = 0; i < keys; i++) {
      appended(KeyEventType.CREATED, newKey(orgA, api), NOW.plusMillis(i));
    }
    int claimers = 4;
    ExecutorService threads = Executors.newFixedThreadPool(claimers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<DeliveryId>>> claims = new ArrayList<>();
    for (int c = 0; c < claimers; c++) {
      claims.add(
          threads.submit(
              () -> {
                start.await();
                List<DeliveryId> mine = new ArrayList<>();
                for (int round = 0; round < 10; round++) {
                  outbox().claimDue(NOW.plusSeconds(1), LEASE, 3).stream()
                      .map(due -> due.delivery().id())
                      .forEach(mine::add);
                }
                return mine;
              }));
    }
    start.countDown();
    List<DeliveryId> claimed = new ArrayList<>();
    for (Future<List<DeliveryId>> done : claims) {
      claimed.addAll(done.get(1, TimeUnit.MINUTES));
    }
    threads.shutdown();
    claim(NOW.plusSeconds(1)).forEach(due -> claimed.add(due.delivery().id()));

    Set<DeliveryId> distinct = new HashSet<>(claimed);
    assertThat(claimed).hasSize(distinct.size());
    assertThat(distinct).hasSize(2 * keys);
  }
}
