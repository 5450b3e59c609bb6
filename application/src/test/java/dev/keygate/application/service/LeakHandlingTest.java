package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keygate.application.fake.FakeScanningSignatures;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateWebhookCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ScanningAnswer;
import dev.keygate.application.port.in.ScanningReport;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Leak;
import dev.keygate.domain.event.LeakPolicy;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Leaked tokens reported by a secret scanner or posted by whoever holds them: checked like a
 * verification, told to the owner as {@code api_key.leaked}, then handled by the policy; nothing
 * done for an unsigned report, a false positive or a key that no longer works.
 */
class LeakHandlingTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final String URL = "https://github.com/acme/app/blob/main/.env";

  private TestKeygate t;
  private Api orders;
  private IssuedApiKey issued;
  private String token;

  private void deploy(LeakPolicy policy) {
    t = new TestKeygate(WebhookSettings.DEFAULTS.withLeakPolicy(policy));
    t.createOrganization("org_a");
    orders = t.registerApi("https://orders.example.com");
    t.addScope(orders, "read:orders");
    t.services
        .createWebhook()
        .create(
            OPERATOR,
            new CreateWebhookCommand(
                "every event",
                "http://127.0.0.1:9000/hooks",
                Optional.empty(),
                Arrays.stream(KeyEventType.values()).map(KeyEventType::wireName).toList(),
                Optional.of("org_a")));
    issued = t.issueKey(ORG_A, orders, "read:orders");
    token = issued.token().reveal();
  }

  @BeforeEach
  void setUp() {
    deploy(LeakPolicy.REVOKE);
  }

  private ApiKeyId id() {
    return issued.key().id();
  }

  private static ScanningReport signed(String... tokens) {
    List<ScanningReport.Finding> findings = new ArrayList<>();
    for (String each : tokens) {
      findings.add(
          new ScanningReport.Finding(
              each, "keygate_api_key", Optional.of(URL), Optional.of("content")));
    }
    byte[] body = ("[" + findings.size() + " findings]").getBytes(StandardCharsets.UTF_8);
    return new ScanningReport(
        body, FakeScanningSignatures.KEY_IDENTIFIER, FakeScanningSignatures.sign(body), findings);
  }

  private ScanningAnswer report(String... tokens) {
    return t.services.reportLeakedTokens().report(signed(tokens));
  }

  private static List<Boolean> labels(ScanningAnswer answer) {
    assertThat(answer).isInstanceOf(ScanningAnswer.Labelled.class);
    return ((ScanningAnswer.Labelled) answer)
        .labels().stream().map(ScanningAnswer.Label::truePositive).toList();
  }

  /** The events appended after the first {@code from}, as type and key. */
  private List<String> eventsSince(int from) {
    return t.outbox.events().subList(from, t.outbox.events().size()).stream()
        .map(event -> event.type().wireName() + " " + event.keyId())
        .toList();
  }

  private int eventCount() {
    return t.outbox.events().size();
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void givenNoScannerKeyConfigured_report_answersNotConfiguredAndDoesNothing() {
    t.scanningSignatures.unconfigure();
    int events = eventCount();

    assertThat(report(token)).isInstanceOf(ScanningAnswer.NotConfigured.class);

    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(eventCount()).isEqualTo(events);
  }

  static Stream<ScanningReport> badlySigned() {
    ScanningReport good = signed("k_live_whatever");
    return Stream.of(
        new ScanningReport(good.body(), "another-key", good.signature(), good.findings()),
        new ScanningReport(
            good.body(),
            good.keyIdentifier(),
            FakeScanningSignatures.sign("[other]".getBytes(StandardCharsets.UTF_8)),
            good.findings()),
        new ScanningReport(good.body(), good.keyIdentifier(), "", good.findings()));
  }

  @ParameterizedTest
  @MethodSource("badlySigned")
  void givenABadSignature_report_answersUnverifiedAndDoesNothing(ScanningReport template) {
    ScanningReport report =
        new ScanningReport(
            template.body(),
            template.keyIdentifier(),
            template.signature(),
            List.of(
                new ScanningReport.Finding(
                    token, "keygate_api_key", Optional.of(URL), Optional.empty())));
    int events = eventCount();
    int audited = t.auditLog.events().size();

    assertThat(t.services.reportLeakedTokens().report(report))
        .isInstanceOf(ScanningAnswer.Unverified.class);

    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(eventCount()).isEqualTo(events);
    assertThat(t.auditLog.events()).hasSize(audited);
  }

  @Test
  void givenFalsePositives_report_labelsThemByHashAndDoesNothing() throws Exception {
    String typo = TestKeygate.withTypo(token);
    String unknown = TestKeygate.unknownToken();
    String wrongSecret = TestKeygate.withWrongSecret(token);
    String noise = "not a token at all";
    int events = eventCount();

    ScanningAnswer answer = report(typo, unknown, wrongSecret, noise);

    assertThat(labels(answer)).containsExactly(false, false, false, false);
    List<ScanningAnswer.Label> labels = ((ScanningAnswer.Labelled) answer).labels();
    assertThat(labels)
        .extracting(ScanningAnswer.Label::tokenHash)
        .containsExactly(sha256(typo), sha256(unknown), sha256(wrongSecret), sha256(noise));
    assertThat(labels).extracting(ScanningAnswer.Label::tokenType).containsOnly("keygate_api_key");
    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(eventCount()).isEqualTo(events);
  }

  @Test
  void givenALiveToken_reportUnderRevoke_tellsTheLeakThenRevokesAsTheScanner() {
    int events = eventCount();

    ScanningAnswer answer = report(TestKeygate.unknownToken(), token);

    assertThat(labels(answer)).containsExactly(false, true);
    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.REVOKED);
    assertThat(eventsSince(events))
        .containsExactly("api_key.leaked " + id(), "api_key.revoked " + id());
    KeyEvent leaked = t.outbox.events().get(events);
    assertThat(leaked.actor()).isEqualTo("secret-scanning:github");
    assertThat(leaked.leak())
        .contains(new Leak(Leak.Source.GITHUB_SECRET_SCANNING, Optional.of(URL)));
    assertThat(t.outbox.events().get(events + 1).actor()).isEqualTo("secret-scanning:github");
    assertThat(t.outbox.events().get(events + 1).keyStatus()).isEqualTo(ApiKeyStatus.REVOKED);
    assertThat(auditOf(id()))
        .containsExactly(
            "API_KEY_CREATE test:operator",
            "API_KEY_LEAK_REPORTED secret-scanning:github",
            "API_KEY_REVOKE secret-scanning:github");
  }

  @Test
  void givenALiveToken_reportUnderRevoke_theWebhookReceivesLeakedThenRevoked() {
    t.services.webhookDelivery().deliverDue();
    t.webhookSender.forget();

    report(token);
    t.services.webhookDelivery().deliverDue();
    t.services.webhookDelivery().deliverDue();

    assertThat(t.webhookSender.sent())
        .extracting(sending -> sending.event().type())
        .containsExactly(KeyEventType.LEAKED, KeyEventType.REVOKED);
  }

  @Test
  void givenALiveToken_reportUnderDisable_tellsTheLeakThenDisables() {
    deploy(LeakPolicy.DISABLE);
    int events = eventCount();

    assertThat(labels(report(token))).containsExactly(true);

    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(eventsSince(events))
        .containsExactly("api_key.leaked " + id(), "api_key.disabled " + id());
    assertThat(auditOf(id()))
        .endsWith(
            "API_KEY_LEAK_REPORTED secret-scanning:github",
            "API_KEY_DISABLE secret-scanning:github");
  }

  @Test
  void givenAnInactiveKey_reportUnderDisable_onlyTellsTheLeak() {
    deploy(LeakPolicy.DISABLE);
    t.services.disableApiKey().disable(OPERATOR, id());
    int events = eventCount();

    assertThat(labels(report(token))).containsExactly(true);

    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(eventsSince(events)).containsExactly("api_key.leaked " + id());
  }

  @Test
  void givenALiveToken_reportUnderNotify_onlyTellsTheLeak() {
    deploy(LeakPolicy.NOTIFY);
    int events = eventCount();

    assertThat(labels(report(token))).containsExactly(true);

    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(eventsSince(events)).containsExactly("api_key.leaked " + id());
    assertThat(auditOf(id())).endsWith("API_KEY_LEAK_REPORTED secret-scanning:github");
  }

  @Test
  void givenARevokedKey_report_labelsATruePositiveAndTellsNothing() {
    t.services.revokeApiKey().revoke(OPERATOR, id());
    int events = eventCount();
    int audited = t.auditLog.events().size();

    assertThat(labels(report(token))).containsExactly(true);

    assertThat(eventCount()).isEqualTo(events);
    assertThat(t.auditLog.events()).hasSize(audited);
  }

  @Test
  void givenTheSameTokenTwiceInOneReport_report_handlesItOnce() {
    int events = eventCount();

    assertThat(labels(report(token, token))).containsExactly(true, true);

    assertThat(eventsSince(events))
        .containsExactly("api_key.leaked " + id(), "api_key.revoked " + id());
  }

  @Test
  void givenARotatedKey_report_handlesTheOldSecretOnlyWhileItsGraceLasts() {
    String rotated =
        t.services.rotateApiKey().rotate(OPERATOR, id(), Duration.ofHours(1)).token().reveal();
    assertThat(rotated).isNotEqualTo(token);
    t.clock.advance(Duration.ofHours(2));
    int events = eventCount();

    // The old secret expired with its grace: a secret of this deployment, no longer a live one.
    assertThat(labels(report(token))).containsExactly(true);
    assertThat(eventCount()).isEqualTo(events);
    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.ACTIVE);

    assertThat(labels(report(rotated))).containsExactly(true);
    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.REVOKED);
  }

  @Test
  void givenAnOldSecretStillInItsGrace_report_revokesTheKey() {
    t.services.rotateApiKey().rotate(OPERATOR, id(), Duration.ofHours(1));
    t.clock.advance(Duration.ofMinutes(30));

    assertThat(labels(report(token))).containsExactly(true);

    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.REVOKED);
  }

  @Test
  void givenALiveToken_revokeLeaked_tellsTheLeakThenRevokesAsPublicRevocation() {
    int events = eventCount();

    t.services.revokeLeakedTokens().revoke(List.of(token), "203.0.113.7");

    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.REVOKED);
    assertThat(eventsSince(events))
        .containsExactly("api_key.leaked " + id(), "api_key.revoked " + id());
    KeyEvent leaked = t.outbox.events().get(events);
    assertThat(leaked.actor()).isEqualTo("public-revocation");
    assertThat(leaked.leak()).contains(new Leak(Leak.Source.PUBLIC_REVOCATION, Optional.empty()));
    assertThat(auditOf(id()))
        .endsWith("API_KEY_LEAK_REPORTED public-revocation", "API_KEY_REVOKE public-revocation");
  }

  @Test
  void givenAnInactiveKey_revokeLeaked_revokesItToo() {
    t.services.disableApiKey().disable(OPERATOR, id());

    t.services.revokeLeakedTokens().revoke(List.of(token), "203.0.113.7");

    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.REVOKED);
  }

  @Test
  void givenAnyMixOfTokens_revokeLeaked_answersTheSameAndRevokesOnlyLiveOnes() {
    IssuedApiKey revokedKey = t.issueKey(ORG_A, orders, "read:orders");
    t.services.revokeApiKey().revoke(OPERATOR, revokedKey.key().id());
    IssuedApiKey bystander = t.issueKey(ORG_A, orders, "read:orders");
    int events = eventCount();
    List<String> notLive =
        List.of(
            TestKeygate.withTypo(token),
            TestKeygate.unknownToken(),
            TestKeygate.withWrongSecret(token),
            revokedKey.token().reveal(),
            "garbage",
            "");

    for (String each : notLive) {
      assertThat(
              catchThrowable(
                  () -> t.services.revokeLeakedTokens().revoke(List.of(each), "198.51.100.1")))
          .isNull();
    }
    assertThat(eventCount()).isEqualTo(events);
    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.ACTIVE);

    List<String> mixed = new ArrayList<>(notLive);
    mixed.add(token);
    t.services.revokeLeakedTokens().revoke(mixed, "198.51.100.2");

    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.REVOKED);
    assertThat(t.stored(bystander.key().id()).status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(eventsSince(events))
        .containsExactly("api_key.leaked " + id(), "api_key.revoked " + id());
  }

  @Test
  void givenNoOrTooManyTokens_revokeLeaked_isRefused() {
    List<String> tooMany = new ArrayList<>(Collections.nCopies(1000, "garbage"));
    tooMany.add(token);

    assertThatThrownBy(() -> t.services.revokeLeakedTokens().revoke(tooMany, "203.0.113.7"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("1000");
    assertThatThrownBy(() -> t.services.revokeLeakedTokens().revoke(List.of(), "203.0.113.7"))
        .isInstanceOf(ValidationException.class);
    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.ACTIVE);

    List<String> atMost = new ArrayList<>(Collections.nCopies(999, "garbage"));
    atMost.add(token);
    t.services.revokeLeakedTokens().revoke(atMost, "203.0.113.7");
    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.REVOKED);
  }

  @Test
  void givenTooManyRequestsFromOneNetwork_revokeLeaked_isLimitedForThatNetworkOnly() {
    for (int i = 0; i < RevokeLeakedTokensService.REQUESTS_PER_MINUTE; i++) {
      t.services.revokeLeakedTokens().revoke(List.of("garbage"), "2001:db8:1:2::" + (i + 1));
    }

    Throwable refused =
        catchThrowable(
            () -> t.services.revokeLeakedTokens().revoke(List.of(token), "2001:db8:1:2::ff"));

    assertThat(refused).isInstanceOf(LimitReachedException.class);
    assertThat(((LimitReachedException) refused).retryAfter())
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(refused.getMessage()).doesNotContain(TestKeygate.secretOf(token));
    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.ACTIVE);

    // Another network is not held back; the limited one is again after the minute.
    t.services.revokeLeakedTokens().revoke(List.of("garbage"), "203.0.113.7");
    t.clock.advance(Duration.ofMinutes(1));
    t.services.revokeLeakedTokens().revoke(List.of(token), "2001:db8:1:2::ff");
    assertThat(t.stored(id()).status()).isEqualTo(ApiKeyStatus.REVOKED);
  }

  @Test
  void givenManyWrongSecretsFromOneNetwork_revokeLeaked_stopsHashingThem() {
    String wrong = TestKeygate.withWrongSecret(token);
    for (int i = 0; i < TestKeygate.FAILED_ATTEMPTS_LIMIT; i++) {
      t.clock.advance(Duration.ofMinutes(1));
      t.services.revokeLeakedTokens().revoke(List.of(wrong), "198.51.100.9");
    }
    int hashed = t.countingHasher().verifications();

    t.clock.advance(Duration.ofMinutes(1));
    t.services.revokeLeakedTokens().revoke(List.of(wrong), "198.51.100.9");

    assertThat(t.countingHasher().verifications()).isEqualTo(hashed);
    // From another network the same guess is still hashed.
    t.services.revokeLeakedTokens().revoke(List.of(wrong), "198.51.100.10");
    assertThat(t.countingHasher().verifications()).isEqualTo(hashed + 1);
  }

  @Test
  void leakHandling_neverPrintsTheToken() {
    String secret = TestKeygate.secretOf(token);
    ScanningReport report = signed(token);
    ScanningAnswer answer = t.services.reportLeakedTokens().report(report);
    IssuedApiKey other = t.issueKey(ORG_A, orders, "read:orders");
    t.services.revokeLeakedTokens().revoke(List.of(other.token().reveal()), "203.0.113.7");
    Throwable tooMany =
        catchThrowable(
            () ->
                t.services
                    .revokeLeakedTokens()
                    .revoke(Collections.nCopies(1001, token), "203.0.113.7"));

    List<String> printed = new ArrayList<>();
    printed.add(report.toString());
    printed.add(report.findings().toString());
    printed.add(answer.toString());
    printed.add(tooMany.getMessage());
    printed.add(t.outbox.events().toString());
    printed.add(t.outbox.deliveries().toString());
    t.auditLog.events().stream().map(AuditEvent::toString).forEach(printed::add);
    for (String each : printed) {
      assertThat(each)
          .doesNotContain(secret)
          .doesNotContain(TestKeygate.secretOf(other.token().reveal()));
    }
  }

  private List<String> auditOf(ApiKeyId key) {
    return t.auditLog.events().stream()
        .filter(event -> event.target().equals(key.value()))
        .map(event -> event.action() + " " + event.actor())
        .toList();
  }
}
