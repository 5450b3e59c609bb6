package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateWebhookCommand;
import dev.keygate.application.port.in.CreatedWebhook;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.in.UpdateWebhookCommand;
import dev.keygate.application.port.out.WebhookSender;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryStatus;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhooks as the use cases keep them: who may create, read, change and delete which, the endpoint
 * rules for confined callers, and the signing secret shown once.
 */
class WebhookServicesTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));
  private static final Principal ADMIN_A = TestKeygate.orgAdmin("org_a");
  private static final Principal USER = TestKeygate.userPrincipal("u_1");

  private final TestKeygate t = new TestKeygate();
  private Api orders;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    t.createOrganization("org_b");
    t.createUser("u_1");
    orders = t.registerApi("https://orders.example.com");
    t.addScope(orders, "read:orders");
  }

  private static CreateWebhookCommand command(String endpoint, Optional<String> org) {
    return new CreateWebhookCommand(
        "hook", endpoint, Optional.empty(), List.of("api_key.revoked", "api_key.created"), org);
  }

  private CreatedWebhook create(Principal principal, String endpoint, Optional<String> org) {
    return t.services.createWebhook().create(principal, command(endpoint, org));
  }

  private Webhook orgWebhook(String org) {
    return create(OPERATOR, "https://hooks.example.com/" + org, Optional.of(org)).webhook();
  }

  private Webhook deploymentWebhook() {
    return create(OPERATOR, "http://127.0.0.1:9000/all", Optional.empty()).webhook();
  }

  @Test
  void givenOperator_create_storesTheWebhookAndAnswersItsSecretOnce() {
    CreatedWebhook created =
        t.services
            .createWebhook()
            .create(
                OPERATOR,
                new CreateWebhookCommand(
                    "billing",
                    "http://127.0.0.1:8080/hooks",
                    Optional.of("billing team"),
                    List.of("api_key.revoked", "api_key.leaked"),
                    Optional.of("org_a")));

    Webhook webhook = created.webhook();
    assertThat(t.webhooks.findById(webhook.id())).contains(webhook);
    assertThat(webhook.name()).isEqualTo("billing");
    assertThat(webhook.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8080/hooks"));
    assertThat(webhook.description()).contains("billing team");
    assertThat(webhook.eventTypes())
        .containsExactlyInAnyOrder(KeyEventType.REVOKED, KeyEventType.LEAKED);
    assertThat(webhook.org()).contains(new OrgCode("org_a"));
    assertThat(webhook.createdBy()).isEqualTo(OPERATOR.actor());
    String shown = created.signingSecret().reveal();
    assertThat(shown).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(shown.substring("whsec_".length()))).hasSize(32);
    // Stored only in the sender's stored form, which is not the shown form.
    assertThat(t.webhooks.storedSecret(webhook.id()))
        .contains("plain:" + shown.substring("whsec_".length()));
    assertThat(created.signingSecret().toString()).doesNotContain(shown.substring(6));
    assertThat(lastAudit())
        .satisfies(
            event -> {
              assertThat(event.action()).isEqualTo(AuditAction.WEBHOOK_CREATE);
              assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
              assertThat(event.target()).isEqualTo(webhook.id().value());
            });
  }

  @Test
  void givenOperatorWithoutOrg_create_makesADeploymentWideWebhook() {
    Webhook webhook = deploymentWebhook();

    assertThat(webhook.org()).isEmpty();
  }

  @Test
  void givenUnknownEventType_create_isRefusedNamingTheKnownOnes() {
    assertThatThrownBy(
            () ->
                t.services
                    .createWebhook()
                    .create(
                        OPERATOR,
                        new CreateWebhookCommand(
                            "hook",
                            "https://hooks.example.com",
                            Optional.empty(),
                            List.of("api_key.exploded"),
                            Optional.empty())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("api_key.exploded")
        .hasMessageContaining("api_key.revoked");
    assertThat(t.webhooks.list(Optional.empty())).isEmpty();
  }

  @Test
  void givenUnknownOrganization_create_answersNotFound() {
    assertThatThrownBy(() -> create(OPERATOR, "https://hooks.example.com", Optional.of("org_x")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenOrgAdmin_createWithoutOrg_makesOneForItsOwnOrganization() {
    Webhook webhook = create(ADMIN_A, "https://hooks.example.com", Optional.empty()).webhook();

    assertThat(webhook.org()).contains(new OrgCode("org_a"));
  }

  @Test
  void givenOrgAdmin_createForAnotherOrganization_isForbiddenAndAudited() {
    assertThatThrownBy(() -> create(ADMIN_A, "https://hooks.example.com", Optional.of("org_b")))
        .isInstanceOf(ForbiddenException.class);

    assertThat(t.webhooks.list(Optional.empty())).isEmpty();
    assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(lastAudit().action()).isEqualTo(AuditAction.WEBHOOK_CREATE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://hooks.example.com/plain-http",
        "https://localhost/x",
        "https://LOCALHOST./x",
        "https://api.localhost/x",
        "https://127.0.0.1/x",
        "https://127.1/x",
        "https://2130706433/x",
        "https://0x7f000001/x",
        "https://0177.0.0.1/x",
        "https://10.1.2.3/x",
        "https://172.16.0.1/x",
        "https://192.168.1.1/x",
        "https://169.254.169.254/latest/meta-data",
        "https://0.0.0.0/x",
        "https://100.64.0.1/x",
        "https://[::1]/x",
        "https://[::]/x",
        "https://[fe80::1]/x",
        "https://[fd00::1]/x",
        "https://[::ffff:127.0.0.1]/x",
        "https://[::ffff:10.0.0.1]/x"
      })
  void givenConfinedCaller_createToAnInternalOrPlainEndpoint_isRefused(String endpoint) {
    assertThatThrownBy(() -> create(ADMIN_A, endpoint, Optional.empty()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("webhook endpoint");

    assertThat(t.webhooks.list(Optional.empty())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://hooks.example.com/x",
        "https://8.8.8.8/x",
        "https://[2001:4860:4860::8888]/x",
        "https://abc1.de/x",
        "https://cafe.be:8443/x"
      })
  void givenConfinedCaller_createToAPublicHttpsEndpoint_isAllowed(String endpoint) {
    assertThat(create(ADMIN_A, endpoint, Optional.empty()).webhook().endpoint())
        .isEqualTo(URI.create(endpoint));
  }

  @Test
  void givenOperator_createToLoopbackHttp_isAllowed() {
    assertThat(create(OPERATOR, "http://localhost:9000/x", Optional.empty()).webhook().endpoint())
        .isEqualTo(URI.create("http://localhost:9000/x"));
  }

  @Test
  void givenOrgAdmin_list_answersOnlyItsOwnOrganizationsWebhooks() {
    Webhook ofA = orgWebhook("org_a");
    Webhook ofB = orgWebhook("org_b");
    Webhook all = deploymentWebhook();

    assertThat(t.services.listWebhooks().list(ADMIN_A)).containsExactly(ofA);
    assertThat(t.services.listWebhooks().list(OPERATOR)).containsExactlyInAnyOrder(ofA, ofB, all);
  }

  @Test
  void givenOrgAdmin_reachingAnotherOrganizationsOrTheDeploymentsWebhook_answersNotFound() {
    Webhook ofB = orgWebhook("org_b");
    Webhook all = deploymentWebhook();

    for (Webhook outOfReach : List.of(ofB, all)) {
      WebhookId id = outOfReach.id();
      assertThatThrownBy(() -> t.services.getWebhook().get(ADMIN_A, id))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(
              () ->
                  t.services
                      .updateWebhook()
                      .update(
                          ADMIN_A,
                          id,
                          new UpdateWebhookCommand(
                              Optional.of("mine"), Optional.empty(), Optional.empty())))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> t.services.rotateWebhookSecret().rotate(ADMIN_A, id))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> t.services.deleteWebhook().delete(ADMIN_A, id))
          .isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> t.services.listDeliveries().list(ADMIN_A, id, PageRequest.first()))
          .isInstanceOf(NotFoundException.class);
      assertThat(t.webhooks.findById(id)).contains(outOfReach);
    }
    assertThat(t.auditLog.events())
        .filteredOn(event -> event.outcome() == AuditOutcome.REFUSED)
        .extracting(AuditEvent::target)
        .contains(ofB.id().value(), all.id().value());
  }

  static Stream<Named<Consumer<TestKeygate>>> everyWebhookCallOfAUser() {
    WebhookId any = new WebhookId("webhook_0123456789abcdef0123456789abcdef");
    return Stream.of(
        Named.of(
            "create",
            k ->
                k.services
                    .createWebhook()
                    .create(USER, command("https://hooks.example.com", Optional.empty()))),
        Named.of("list", k -> k.services.listWebhooks().list(USER)),
        Named.of("get", k -> k.services.getWebhook().get(USER, any)),
        Named.of(
            "update",
            k ->
                k.services
                    .updateWebhook()
                    .update(
                        USER,
                        any,
                        new UpdateWebhookCommand(
                            Optional.of("x"), Optional.empty(), Optional.empty()))),
        Named.of("delete", k -> k.services.deleteWebhook().delete(USER, any)),
        Named.of("rotate", k -> k.services.rotateWebhookSecret().rotate(USER, any)),
        Named.of(
            "deliveries", k -> k.services.listDeliveries().list(USER, any, PageRequest.first())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyWebhookCallOfAUser")
  void givenUserConfinedCaller_everyWebhookCall_isForbidden(Consumer<TestKeygate> call) {
    assertThatThrownBy(() -> call.accept(t)).isInstanceOf(ForbiddenException.class);
  }

  static Stream<Named<Consumer<TestKeygate>>> everyWebhookCallWithoutItsScope() {
    WebhookId any = new WebhookId("webhook_0123456789abcdef0123456789abcdef");
    return Stream.of(
        Named.of(
            "create without create:webhooks",
            k ->
                k.services
                    .createWebhook()
                    .create(
                        TestKeygate.operatorWithout(ManagementScope.CREATE_WEBHOOKS),
                        command("https://hooks.example.com", Optional.empty()))),
        Named.of(
            "list without read:webhooks",
            k ->
                k.services
                    .listWebhooks()
                    .list(TestKeygate.operatorWithout(ManagementScope.READ_WEBHOOKS))),
        Named.of(
            "get without read:webhooks",
            k ->
                k.services
                    .getWebhook()
                    .get(TestKeygate.operatorWithout(ManagementScope.READ_WEBHOOKS), any)),
        Named.of(
            "update without update:webhooks",
            k ->
                k.services
                    .updateWebhook()
                    .update(
                        TestKeygate.operatorWithout(ManagementScope.UPDATE_WEBHOOKS),
                        any,
                        new UpdateWebhookCommand(
                            Optional.of("x"), Optional.empty(), Optional.empty()))),
        Named.of(
            "rotate without update:webhooks",
            k ->
                k.services
                    .rotateWebhookSecret()
                    .rotate(TestKeygate.operatorWithout(ManagementScope.UPDATE_WEBHOOKS), any)),
        Named.of(
            "delete without delete:webhooks",
            k ->
                k.services
                    .deleteWebhook()
                    .delete(TestKeygate.operatorWithout(ManagementScope.DELETE_WEBHOOKS), any)),
        Named.of(
            "org admin deleting with only read:webhooks",
            k ->
                k.services
                    .deleteWebhook()
                    .delete(TestKeygate.orgAdmin("org_a", ManagementScope.READ_WEBHOOKS), any)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyWebhookCallWithoutItsScope")
  void givenMissingScope_aWebhookCall_isForbiddenNamingTheScope(Consumer<TestKeygate> call) {
    assertThatThrownBy(() -> call.accept(t))
        .isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("missing scope")
        .hasMessageContaining(":webhooks");
  }

  @Test
  void givenOrgAdmin_updateOwnWebhook_changesOnlyWhatItWasAsked() {
    Webhook ofA = orgWebhook("org_a");

    Webhook updated =
        t.services
            .updateWebhook()
            .update(
                ADMIN_A,
                ofA.id(),
                new UpdateWebhookCommand(
                    Optional.empty(),
                    Optional.of(List.of("api_key.leaked")),
                    Optional.of(Optional.of("now described"))));

    assertThat(updated.name()).isEqualTo(ofA.name());
    assertThat(updated.endpoint()).isEqualTo(ofA.endpoint());
    assertThat(updated.eventTypes()).containsExactly(KeyEventType.LEAKED);
    assertThat(updated.description()).contains("now described");
    assertThat(t.webhooks.findById(ofA.id())).contains(updated);

    Webhook undescribed =
        t.services
            .updateWebhook()
            .update(
                ADMIN_A,
                ofA.id(),
                new UpdateWebhookCommand(
                    Optional.of("renamed"), Optional.empty(), Optional.of(Optional.empty())));
    assertThat(undescribed.description()).isEmpty();
    assertThat(undescribed.name()).isEqualTo("renamed");
    assertThat(undescribed.eventTypes()).containsExactly(KeyEventType.LEAKED);
  }

  @Test
  void givenOrgAdmin_rotateSecret_storesANewSecretAndAnswersItOnce() {
    Webhook ofA = orgWebhook("org_a");
    String before = t.webhooks.storedSecret(ofA.id()).orElseThrow();

    Secret secret = t.services.rotateWebhookSecret().rotate(ADMIN_A, ofA.id());

    String after = t.webhooks.storedSecret(ofA.id()).orElseThrow();
    assertThat(after).isNotEqualTo(before);
    assertThat(after).isEqualTo("plain:" + secret.reveal().substring("whsec_".length()));
    assertThat(lastAudit().action()).isEqualTo(AuditAction.WEBHOOK_ROTATE_SECRET);
    assertThat(lastAudit().toString()).doesNotContain(secret.reveal().substring(6));
  }

  @Test
  void givenOrgAdmin_deleteOwnWebhook_removesItAndItsDeliveries() {
    Webhook ofA = orgWebhook("org_a");
    t.issueKey(ORG_A, orders, "read:orders");
    assertThat(t.outbox.deliveries()).hasSize(1);

    t.services.deleteWebhook().delete(ADMIN_A, ofA.id());

    assertThat(t.webhooks.findById(ofA.id())).isEmpty();
    assertThat(t.outbox.deliveries()).isEmpty();
    assertThatThrownBy(() -> t.services.getWebhook().get(OPERATOR, ofA.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(lastAudit().action()).isEqualTo(AuditAction.WEBHOOK_DELETE);
  }

  @Test
  void givenAnOrganizationsKeyChange_onlyItsOwnAndDeploymentWideWebhooksReceiveIt() {
    Webhook ofA = orgWebhook("org_a");
    Webhook ofB = orgWebhook("org_b");
    Webhook all = deploymentWebhook();

    t.issueKey(ORG_A, orders, "read:orders");

    assertThat(t.outbox.deliveries())
        .extracting(Delivery::webhook)
        .containsExactlyInAnyOrder(ofA.id(), all.id());
    assertThat(t.outbox.deliveries()).extracting(Delivery::webhook).doesNotContain(ofB.id());
  }

  @Test
  void givenOrgAdmin_listDeliveriesAndRedeliver_ofItsWebhook_workNewestFirst() {
    Webhook ofA = orgWebhook("org_a");
    t.issueKey(ORG_A, orders, "read:orders");
    t.issueKey(ORG_A, orders, "read:orders");
    t.services.webhookDelivery().deliverDue();
    t.services.webhookDelivery().deliverDue();

    List<Delivery> log =
        t.services.listDeliveries().list(ADMIN_A, ofA.id(), PageRequest.first()).items();
    assertThat(log).hasSize(2);
    assertThat(log.get(0).id().value()).isGreaterThan(log.get(1).id().value());
    assertThat(log).allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED));

    Delivery again = t.services.redeliver().redeliver(ADMIN_A, ofA.id(), log.get(1).id());

    assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(again.nextAttemptAt()).contains(t.clock.instant());
    assertThat(lastAudit().action()).isEqualTo(AuditAction.WEBHOOK_REDELIVER);
  }

  @Test
  void givenADeliveryOfAnotherWebhook_redeliver_answersNotFound() {
    Webhook ofA = orgWebhook("org_a");
    Webhook ofB = orgWebhook("org_b");
    t.issueKey(ORG_B, orders, "read:orders");
    Delivery ofBs = t.outbox.deliveries().get(0);
    assertThat(ofBs.webhook()).isEqualTo(ofB.id());

    assertThatThrownBy(() -> t.services.redeliver().redeliver(ADMIN_A, ofA.id(), ofBs.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(t.outbox.findDelivery(ofBs.id())).contains(ofBs);
  }

  @Test
  void givenOrganizationWithWebhooks_deleteOrganization_deletesThemInTheSameUnit() {
    t.createOrganization("org_c");
    Webhook ofC = orgWebhook("org_c");
    Webhook ofA = orgWebhook("org_a");

    t.services.deleteOrganization().delete(OPERATOR, new OrgCode("org_c"));

    assertThat(t.webhooks.findById(ofC.id())).isEmpty();
    assertThat(t.webhooks.findById(ofA.id())).isPresent();
  }

  @Test
  void givenTheAuditLogFails_deleteOrganization_keepsItsWebhooks() {
    t.createOrganization("org_c");
    Webhook ofC = orgWebhook("org_c");
    t.auditLog.failFromNowOn();

    assertThatThrownBy(() -> t.services.deleteOrganization().delete(OPERATOR, new OrgCode("org_c")))
        .isInstanceOf(IllegalStateException.class);

    assertThat(t.webhooks.findById(ofC.id())).contains(ofC);
  }

  @Test
  void webhookAndItsStoredSecret_neverPrintTheSecret() {
    CreatedWebhook created = create(OPERATOR, "https://hooks.example.com", Optional.empty());
    String shown = created.signingSecret().reveal();
    String base64 = shown.substring("whsec_".length());

    assertThat(created.toString()).doesNotContain(base64);
    assertThat(created.webhook().toString()).doesNotContain(base64);
    assertThat(t.auditLog.events().toString()).doesNotContain(base64);
  }

  private AuditEvent lastAudit() {
    List<AuditEvent> events = t.auditLog.events();
    return events.get(events.size() - 1);
  }

  @Test
  void anOrganization_mayHaveTenWebhooks_andTheDeploymentTenOfItsOwn() {
    for (int i = 0; i < CreateWebhookService.MAX_WEBHOOKS; i++) {
      orgWebhook("org_a");
    }

    assertThatThrownBy(() -> orgWebhook("org_a"))
        .isInstanceOf(ConflictException.class)
        .hasMessage("organization org_a has 10 webhooks, the most it may have; delete one first");
    orgWebhook("org_b");
    deploymentWebhook();
  }

  @Test
  void anOrganizationAdmin_seesWhyAnAttemptFailed_onlyAsItsStatus_neverTheNetworksWords() {
    Webhook webhook = orgWebhook("org_a");
    t.issueKey(ORG_A, orders, "read:orders");
    t.webhookSender.willAnswer(
        WebhookSender.Sent.unreachable("could not connect: Connection refused"));
    t.services.webhookDelivery().deliverDue();

    Delivery operatorSees =
        t.services
            .listDeliveries()
            .list(OPERATOR, webhook.id(), PageRequest.first())
            .items()
            .get(0);
    Delivery adminSees =
        t.services.listDeliveries().list(ADMIN_A, webhook.id(), PageRequest.first()).items().get(0);
    Delivery adminRedelivered =
        t.services.redeliver().redeliver(ADMIN_A, webhook.id(), adminSees.id());

    assertThat(operatorSees.lastError()).contains("could not connect: Connection refused");
    assertThat(adminSees.lastError()).contains("no answer");
    assertThat(adminRedelivered.lastError()).contains("no answer");
  }
}
