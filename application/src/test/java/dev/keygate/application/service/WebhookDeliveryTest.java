package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.FakeWebhookSender.Sending;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.CreateWebhookCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.out.Outbox;
import dev.keygate.application.port.out.WebhookSender.Sent;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryStatus;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.RetrySchedule;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The background delivery: each due delivery is sent and recorded, retried by the schedule until it
 * fails for good, sent in order per key, sent again after a lease runs out, and expiry notices are
 * appended once.
 */
class WebhookDeliveryTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));

  private final TestKeygate t = new TestKeygate();
  private WebhookDelivery delivery;
  private Api orders;
  private Webhook webhook;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    orders = t.registerApi("https://orders.example.com");
    t.addScope(orders, "read:orders");
    webhook =
        t.services
            .createWebhook()
            .create(
                OPERATOR,
                new CreateWebhookCommand(
                    "every event",
                    "http://127.0.0.1:9000/hooks",
                    Optional.empty(),
                    Arrays.stream(KeyEventType.values()).map(KeyEventType::wireName).toList(),
                    Optional.of("org_a")))
            .webhook();
    delivery = t.services.webhookDelivery();
  }

  private ApiKey issue() {
    return t.issueKey(ORG_A, orders, "read:orders").key();
  }

  private Delivery only() {
    assertThat(t.outbox.deliveries()).hasSize(1);
    return t.outbox.deliveries().get(0);
  }

  @Test
  void givenADueDelivery_deliverDue_sendsItSignedWithTheWebhooksSecretAndRecordsIt() {
    ApiKey key = issue();
    Delivery due = only();

    assertThat(delivery.deliverDue()).isEqualTo(1);

    assertThat(t.webhookSender.sent()).hasSize(1);
    Sending sending = t.webhookSender.sent().get(0);
    assertThat(sending.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000/hooks"));
    assertThat(sending.storedSecret()).isEqualTo(t.webhooks.storedSecret(webhook.id()).get());
    assertThat(sending.messageId()).isEqualTo(due.id());
    assertThat(sending.event().type()).isEqualTo(KeyEventType.CREATED);
    assertThat(sending.event().keyId()).isEqualTo(key.id());
    assertThat(sending.event().actor()).isEqualTo(OPERATOR.actor());
    Delivery done = only();
    assertThat(done.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(done.lastStatusCode()).contains(200);
    assertThat(done.nextAttemptAt()).isEmpty();
    assertThat(delivery.deliverDue()).isZero();
    assertThat(t.webhookSender.sent()).hasSize(1);
  }

  @Test
  void givenAFailingReceiver_deliverDue_retriesByTheScheduleThenFailsForGood() {
    issue();
    t.webhookSender.alwaysAnswer(Sent.answered(503));
    List<Duration> waits = RetrySchedule.STANDARD.waits();

    for (int attempt = 1; attempt <= waits.size(); attempt++) {
      Instant at = t.clock.instant();
      assertThat(delivery.deliverDue()).as("attempt %d", attempt).isEqualTo(1);
      Delivery retrying = only();
      assertThat(retrying.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(retrying.attempts()).isEqualTo(attempt);
      assertThat(retrying.lastStatusCode()).contains(503);
      assertThat(retrying.lastError()).contains("HTTP 503");
      assertThat(retrying.nextAttemptAt()).contains(at.plus(waits.get(attempt - 1)));
      // Not a moment before its time.
      t.clock.advance(waits.get(attempt - 1).minusMillis(1));
      assertThat(delivery.deliverDue()).isZero();
      t.clock.advance(Duration.ofMillis(1));
    }
    assertThat(delivery.deliverDue()).isEqualTo(1);

    Delivery failed = only();
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(waits.size() + 1);
    assertThat(failed.nextAttemptAt()).isEmpty();
    t.clock.advance(Duration.ofDays(2));
    assertThat(delivery.deliverDue()).isZero();
    assertThat(t.webhookSender.sent()).hasSize(waits.size() + 1);
  }

  @Test
  void givenAnUnreachableReceiver_deliverDue_recordsTheErrorWithoutAStatusCode() {
    issue();
    t.webhookSender.willAnswer(Sent.unreachable("connection refused"));

    delivery.deliverDue();

    assertThat(only().lastStatusCode()).isEmpty();
    assertThat(only().lastError()).contains("connection refused");
    assertThat(only().status()).isEqualTo(DeliveryStatus.PENDING);
  }

  @Test
  void givenASenderThatThrows_deliverDue_countsAFailedAttemptAndGoesOn() {
    ApiKey first = issue();
    ApiKey second = issue();
    t.webhookSender.willThrow();

    assertThat(delivery.deliverDue()).isEqualTo(2);

    Delivery broken = t.outbox.deliveries().get(0);
    assertThat(broken.keyId()).isEqualTo(first.id());
    assertThat(broken.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(broken.lastStatusCode()).isEmpty();
    assertThat(broken.lastError()).contains("send failed: java.lang.IllegalStateException");
    assertThat(broken.nextAttemptAt()).contains(t.clock.instant().plusSeconds(5));
    Delivery next = t.outbox.deliveries().get(1);
    assertThat(next.keyId()).isEqualTo(second.id());
    assertThat(next.status()).isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void givenTwoEventsOfOneKey_theLaterWaitsUntilTheEarlierIsDelivered() {
    ApiKey key = issue();
    t.services.disableApiKey().disable(OPERATOR, key.id());
    ApiKey other = issue();
    t.webhookSender.willAnswer(Sent.answered(500));

    // The created event of the key fails; its disabled event waits; the other key goes on.
    assertThat(delivery.deliverDue()).isEqualTo(2);
    assertThat(t.webhookSender.sent())
        .extracting(sending -> sending.event().type() + " " + sending.event().keyId())
        .containsExactly("CREATED " + key.id(), "CREATED " + other.id());
    t.clock.advance(Duration.ofSeconds(4));
    assertThat(delivery.deliverDue()).isZero();

    t.clock.advance(Duration.ofSeconds(1));
    assertThat(delivery.deliverDue()).isEqualTo(1);
    assertThat(delivery.deliverDue()).isEqualTo(1);

    assertThat(t.webhookSender.sent())
        .extracting(sending -> sending.event().type() + " " + sending.event().keyId())
        .containsExactly(
            "CREATED " + key.id(),
            "CREATED " + other.id(),
            "CREATED " + key.id(),
            "DISABLED " + key.id());
  }

  @Test
  void givenAClaimWhoseProcessDied_theDeliveryIsClaimedAgainOnlyAfterTheLease() {
    issue();
    Duration lease = WebhookSettings.DEFAULTS.sendTimeout().plusSeconds(5);
    // Another node claims it and dies before it records anything.
    List<Outbox.DueDelivery> claimed = t.outbox.claimDue(t.clock.instant(), lease, 50);
    assertThat(claimed).hasSize(1);

    assertThat(delivery.deliverDue()).isZero();
    t.clock.advance(lease.minusMillis(1));
    assertThat(delivery.deliverDue()).isZero();
    t.clock.advance(Duration.ofMillis(1));
    assertThat(delivery.deliverDue()).isEqualTo(1);

    assertThat(t.webhookSender.sent()).hasSize(1);
    assertThat(t.webhookSender.sent().get(0).messageId()).isEqualTo(claimed.get(0).delivery().id());
    assertThat(only().status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(only().attempts()).isEqualTo(2);
  }

  @Test
  void givenADeliveryThatFailedForGood_redeliver_sendsItOnceMoreWithTheSameMessageId() {
    issue();
    t.webhookSender.alwaysAnswer(Sent.answered(410));
    for (int i = 0; i < 20 && only().status() == DeliveryStatus.PENDING; i++) {
      delivery.deliverDue();
      t.clock.advance(Duration.ofHours(10));
    }
    Delivery failed = only();
    assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
    t.webhookSender.alwaysAnswer(Sent.answered(204));
    t.webhookSender.forget();

    t.services.redeliver().redeliver(OPERATOR, webhook.id(), failed.id());
    assertThat(delivery.deliverDue()).isEqualTo(1);

    assertThat(t.webhookSender.sent()).extracting(Sending::messageId).containsExactly(failed.id());
    assertThat(only().status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(only().lastStatusCode()).contains(204);
    assertThat(only().attempts()).isEqualTo(failed.attempts() + 1);
  }

  @Test
  void givenKeysExpiringWithinTheNoticePeriod_noticeExpiries_appendsEachNoticeOnce() {
    ApiKey soon = issueExpiringIn(Duration.ofDays(3));
    ApiKey later = issueExpiringIn(Duration.ofDays(30));
    int before = t.outbox.events().size();

    assertThat(delivery.noticeExpiries()).isEqualTo(1);
    assertThat(delivery.noticeExpiries()).isZero();
    // Another node, or this one restarted, appends none again.
    assertThat(new TestKeygateView(t).freshDelivery().noticeExpiries()).isZero();

    List<KeyEvent> notices = t.outbox.events().subList(before, t.outbox.events().size());
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).type()).isEqualTo(KeyEventType.EXPIRING);
    assertThat(notices.get(0).keyId()).isEqualTo(soon.id());
    assertThat(notices.get(0).actor()).isEqualTo("keygate");
    assertThat(notices.get(0).expiresOn()).isEqualTo(soon.expiresOn());

    t.clock.advance(Duration.ofDays(24));
    int scanned = t.outbox.events().size();
    assertThat(delivery.noticeExpiries()).isEqualTo(2);
    assertThat(t.outbox.events().subList(scanned, t.outbox.events().size()))
        .extracting(event -> event.type() + " " + event.keyId())
        .containsExactly("EXPIRED " + soon.id(), "EXPIRING " + later.id());
  }

  @Test
  void givenAKeyThatExpired_noticeExpiries_appendsExpiredOnceAndNotForRevokedKeys() {
    ApiKey expiring = issueExpiringIn(Duration.ofHours(1));
    ApiKey revoked = issueExpiringIn(Duration.ofHours(1));
    t.services.revokeApiKey().revoke(OPERATOR, revoked.id());
    delivery.noticeExpiries();
    int before = t.outbox.events().size();

    t.clock.advance(Duration.ofHours(2));
    assertThat(delivery.noticeExpiries()).isEqualTo(1);
    assertThat(delivery.noticeExpiries()).isZero();
    assertThat(new TestKeygateView(t).freshDelivery().noticeExpiries()).isZero();

    List<KeyEvent> notices = t.outbox.events().subList(before, t.outbox.events().size());
    assertThat(notices)
        .extracting(event -> event.type() + " " + event.keyId())
        .containsExactly("EXPIRED " + expiring.id());
  }

  @Test
  void givenAPortalLinksKey_noticeExpiries_tellsTheOwnerNothingOfIt() {
    // A portal session's key is no key the customer was given: its end is no news to them.
    t.services.initializeDeployment().initialize("test:init");
    t.services
        .createPortalLink()
        .create(OPERATOR, new CreatePortalLinkCommand(ORG_A, Duration.ofHours(1)));
    int before = t.outbox.events().size();

    assertThat(delivery.noticeExpiries()).isZero();
    t.clock.advance(Duration.ofHours(2));
    assertThat(delivery.noticeExpiries()).isZero();
    assertThat(t.outbox.events()).hasSize(before);
  }

  @Test
  void givenAKeyExpiredMoreThanADayBeforeTheFirstScan_noticeExpiries_leavesIt() {
    issueExpiringIn(Duration.ofHours(1));
    t.clock.advance(Duration.ofDays(2));

    assertThat(delivery.noticeExpiries()).isZero();
  }

  @Test
  void givenAKeyReDatedIntoTheNoticePeriod_noticeExpiries_noticesTheNewExpiry() {
    ApiKey key = issueExpiringIn(Duration.ofDays(30));
    assertThat(delivery.noticeExpiries()).isZero();
    Instant sooner = t.clock.instant().plus(Duration.ofDays(2));
    t.services
        .updateApiKey()
        .update(
            OPERATOR,
            key.id(),
            new UpdateApiKeyCommand(Optional.empty(), Optional.empty(), Optional.of(sooner)));

    assertThat(delivery.noticeExpiries()).isEqualTo(1);
    KeyEvent notice = t.outbox.events().get(t.outbox.events().size() - 1);
    assertThat(notice.type()).isEqualTo(KeyEventType.EXPIRING);
    assertThat(notice.expiresOn()).contains(sooner);
  }

  @Test
  void givenMoreKeysThanAScanPageSharingOneExpiry_noticeExpiries_noticesEveryOne() {
    int keys = WebhookDelivery.SCAN_PAGE + 50;
    for (int i = 0; i < keys; i++) {
      issueExpiringIn(Duration.ofDays(3));
    }

    assertThat(delivery.noticeExpiries()).isEqualTo(keys);
  }

  @Test
  void givenSlowReceivers_deliverDue_beginsNoSendThatCouldOutlastItsLease() {
    ApiKey first = issue();
    ApiKey second = issue();
    ApiKey third = issue();
    // Each send takes 3 s; a send may take the 10 s timeout, and the lease is 15 s: a send begun
    // more than 5 s after the claim could still run when another node claims the delivery.
    t.webhookSender.whileSending(() -> t.clock.advance(Duration.ofSeconds(3)));
    Instant claimed = t.clock.instant();

    assertThat(delivery.deliverDue()).isEqualTo(2);

    assertThat(t.webhookSender.sent())
        .extracting(sending -> sending.event().keyId())
        .containsExactly(first.id(), second.id());
    Delivery left =
        t.outbox.deliveries().stream()
            .filter(each -> each.keyId().equals(third.id()))
            .findFirst()
            .orElseThrow();
    assertThat(left.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(left.nextAttemptAt()).contains(claimed.plus(WebhookSettings.DEFAULTS.lease()));
  }

  @Test
  void givenOldDoneDeliveries_prune_forgetsThemAndKeepsPendingAndRecentOnes() {
    issue();
    delivery.deliverDue();
    t.clock.advance(Duration.ofDays(31));
    ApiKey pending = issue();

    delivery.prune();

    assertThat(t.outbox.deliveries()).extracting(Delivery::keyId).containsExactly(pending.id());
  }

  private ApiKey issueExpiringIn(Duration duration) {
    IssuedApiKey issued =
        t.services
            .createApiKey()
            .create(
                OPERATOR,
                new CreateApiKeyCommand(
                    "expiring",
                    orders.id(),
                    List.of("read:orders"),
                    ORG_A,
                    Optional.of(t.clock.instant().plus(duration))));
    return issued.key();
  }

  /** A second view of the same deployment, as another node or a restarted process has. */
  private record TestKeygateView(TestKeygate t) {
    WebhookDelivery freshDelivery() {
      return t.servicesOver(t.apiKeys, t.apis).webhookDelivery();
    }
  }
}
