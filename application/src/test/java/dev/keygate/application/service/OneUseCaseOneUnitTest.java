package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.FakeScanningSignatures;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.CreateUserCommand;
import dev.keygate.application.port.in.CreateWebhookCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.ScanningReport;
import dev.keygate.application.port.in.SetGrantCommand;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.in.UpdateScopeCommand;
import dev.keygate.application.port.in.UpdateUserCommand;
import dev.keygate.application.port.in.UpdateWebhookCommand;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.UsagePolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every use case that changes something does it in one unit with its audit event and the key events
 * it tells the webhooks: when the audit event cannot be written, nothing of the change is kept, and
 * no key event is either.
 */
class OneUseCaseOneUnitTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_GONE = new Owner.Org(new OrgCode("org_gone"));
  private static final Owner USER_GONE = new Owner.User(new UserId("u_gone"));

  private final TestKeygate t = new TestKeygate();
  private Api orders;
  private Api unused;
  private Scope write;
  private ApiKey key;
  private ApiKey metered;
  private ApiKey disabled;
  private String keyToken;
  private Webhook webhook;
  private Delivery delivered;

  @BeforeEach
  void setUp() {
    t.services.initializeDeployment().initialize("test:init");
    t.createOrganization("org_a");
    orders = t.registerApi("https://orders.example.com");
    t.addScope(orders, "read:orders");
    write = t.addScope(orders, "write:orders");
    t.grant(ORG_A, orders, "read:orders");
    unused = t.registerApi("https://unused.example.com");
    t.addScope(unused, "read:unused");
    webhook =
        t.services
            .createWebhook()
            .create(
                OPERATOR,
                new CreateWebhookCommand(
                    "every event",
                    "http://127.0.0.1:9/hooks",
                    Optional.empty(),
                    Arrays.stream(KeyEventType.values()).map(KeyEventType::wireName).toList(),
                    Optional.of("org_a")))
            .webhook();
    IssuedApiKey issued = t.issueKey(ORG_A, orders, "read:orders", "write:orders");
    key = issued.key();
    keyToken = issued.token().reveal();
    t.services.webhookDelivery().deliverDue();
    delivered = t.outbox.deliveries().get(0);
    disabled = t.issueKey(ORG_A, orders, "read:orders").key();
    t.services.disableApiKey().disable(OPERATOR, disabled.id());
    metered = t.issueKey(ORG_A, orders, "read:orders").key();
    changeCredits(metered, Optional.of(3L));
    // Owners of no keys, whose deletion takes their grants with them.
    t.createOrganization("org_gone");
    t.grant(ORG_GONE, orders, "read:orders");
    t.createUser("u_gone");
    t.grant(USER_GONE, orders, "read:orders");
  }

  static Stream<String> changes() {
    return Stream.of(
        "register an api",
        "delete an api",
        "add a scope",
        "update a scope",
        "delete a scope",
        "create an organization",
        "create a user",
        "rename an organization",
        "delete an organization",
        "rename a user",
        "delete a user",
        "set a grant",
        "remove a grant",
        "create a key",
        "create a root key",
        "create a portal link",
        "rotate a key",
        "disable a key",
        "revoke a key",
        "update a key",
        "create a metered key",
        "give a key credits",
        "take a key's credits",
        "set an owner's rate limits",
        "enable a key",
        "set a key inactive by updating it",
        "create a webhook",
        "update a webhook",
        "rotate a webhook's secret",
        "delete a webhook",
        "redeliver a delivery",
        "report a leaked token",
        "revoke a leaked token");
  }

  /** The key events each change tells, of which key; every change not named tells none. */
  private Map<String, List<String>> eventsOf() {
    return Map.ofEntries(
        Map.entry("create a key", List.of("api_key.created new")),
        Map.entry("create a root key", List.of("api_key.created second root")),
        Map.entry("create a metered key", List.of("api_key.created metered")),
        Map.entry("create a portal link", List.of("api_key.created Portal link")),
        Map.entry("rotate a key", List.of("api_key.rotated " + key.name())),
        Map.entry("disable a key", List.of("api_key.disabled " + key.name())),
        Map.entry("enable a key", List.of("api_key.enabled " + disabled.name())),
        Map.entry("set a key inactive by updating it", List.of("api_key.disabled " + key.name())),
        Map.entry("revoke a key", List.of("api_key.revoked " + key.name())),
        Map.entry(
            "report a leaked token",
            List.of("api_key.leaked " + key.name(), "api_key.revoked " + key.name())),
        Map.entry(
            "revoke a leaked token",
            List.of("api_key.leaked " + key.name(), "api_key.revoked " + key.name())));
  }

  private Map<String, Runnable> uses() {
    return Map.ofEntries(
        Map.entry(
            "register an api",
            () ->
                t.services
                    .registerApi()
                    .register(OPERATOR, new RegisterApiCommand("Billing", "billing"))),
        Map.entry("delete an api", () -> t.services.deleteApi().delete(OPERATOR, unused.id())),
        Map.entry(
            "add a scope",
            () ->
                t.services
                    .addScope()
                    .add(OPERATOR, new AddScopeCommand(orders.id(), "refund:orders", "refunds"))),
        Map.entry(
            "update a scope",
            () ->
                t.services
                    .updateScope()
                    .update(OPERATOR, new UpdateScopeCommand(orders.id(), write.id(), "writes"))),
        Map.entry(
            "delete a scope",
            () -> t.services.deleteScope().delete(OPERATOR, orders.id(), write.id())),
        Map.entry(
            "create an organization",
            () ->
                t.services
                    .createOrganization()
                    .create(
                        OPERATOR,
                        new CreateOrganizationCommand("B", Optional.of(new OrgCode("org_b"))))),
        Map.entry(
            "create a user",
            () ->
                t.services
                    .createUser()
                    .create(
                        OPERATOR,
                        new CreateUserCommand(
                            Optional.of(new UserId("u_1")), "U", Optional.empty()))),
        Map.entry(
            "rename an organization",
            () ->
                t.services
                    .updateOrganization()
                    .update(OPERATOR, new OrgCode("org_a"), Optional.of("Renamed"))),
        Map.entry(
            "delete an organization",
            () -> t.services.deleteOrganization().delete(OPERATOR, new OrgCode("org_gone"))),
        Map.entry(
            "rename a user",
            () ->
                t.services
                    .updateUser()
                    .update(
                        OPERATOR,
                        new UserId("u_gone"),
                        new UpdateUserCommand(
                            Optional.empty(), Optional.of("Given"), Optional.of("Family")))),
        Map.entry(
            "delete a user", () -> t.services.deleteUser().delete(OPERATOR, new UserId("u_gone"))),
        Map.entry(
            "set a grant",
            () ->
                t.services
                    .setGrant()
                    .set(
                        OPERATOR,
                        new SetGrantCommand(ORG_A, orders.id(), List.of("write:orders")))),
        Map.entry(
            "remove a grant", () -> t.services.removeGrant().remove(OPERATOR, ORG_A, orders.id())),
        Map.entry(
            "create a key",
            () ->
                t.services
                    .createApiKey()
                    .create(
                        OPERATOR,
                        new CreateApiKeyCommand(
                            "new", orders.id(), List.of(), ORG_A, Optional.empty()))),
        Map.entry(
            "create a root key", () -> t.services.createRootKey().create(OPERATOR, "second root")),
        Map.entry(
            "create a portal link",
            () ->
                t.services
                    .createPortalLink()
                    .create(OPERATOR, new CreatePortalLinkCommand(ORG_A, Duration.ofMinutes(5)))),
        Map.entry(
            "rotate a key",
            () -> t.services.rotateApiKey().rotate(OPERATOR, key.id(), Duration.ofHours(1))),
        Map.entry("disable a key", () -> t.services.disableApiKey().disable(OPERATOR, key.id())),
        Map.entry("revoke a key", () -> t.services.revokeApiKey().revoke(OPERATOR, key.id())),
        Map.entry(
            "update a key",
            () ->
                t.services
                    .updateApiKey()
                    .update(
                        OPERATOR,
                        key.id(),
                        new UpdateApiKeyCommand(
                            Optional.of("renamed"), Optional.empty(), Optional.empty()))),
        Map.entry(
            "create a metered key",
            () ->
                t.services
                    .createApiKey()
                    .create(
                        OPERATOR,
                        new CreateApiKeyCommand(
                            "metered",
                            orders.id(),
                            List.of(),
                            ORG_A,
                            Optional.empty(),
                            UsagePolicy.NONE.withCredits(
                                Optional.of(new Credits(5, Optional.empty())))))),
        Map.entry("give a key credits", () -> changeCredits(key, Optional.of(7L))),
        Map.entry("take a key's credits", () -> changeCredits(metered, Optional.empty())),
        Map.entry(
            "set an owner's rate limits",
            () ->
                t.services
                    .ownerRateLimits()
                    .set(OPERATOR, ORG_A, List.of(RateLimit.of("shared", 10, 60)))),
        Map.entry("enable a key", () -> t.services.enableApiKey().enable(OPERATOR, disabled.id())),
        Map.entry(
            "set a key inactive by updating it",
            () ->
                t.services
                    .updateApiKey()
                    .update(
                        OPERATOR,
                        key.id(),
                        new UpdateApiKeyCommand(
                            Optional.empty(),
                            Optional.of(ApiKeyStatus.INACTIVE),
                            Optional.empty()))),
        Map.entry(
            "create a webhook",
            () ->
                t.services
                    .createWebhook()
                    .create(
                        OPERATOR,
                        new CreateWebhookCommand(
                            "another",
                            "https://hooks.example.com",
                            Optional.empty(),
                            List.of("api_key.revoked"),
                            Optional.empty()))),
        Map.entry(
            "update a webhook",
            () ->
                t.services
                    .updateWebhook()
                    .update(
                        OPERATOR,
                        webhook.id(),
                        new UpdateWebhookCommand(
                            Optional.of("renamed"), Optional.empty(), Optional.empty()))),
        Map.entry(
            "rotate a webhook's secret",
            () -> t.services.rotateWebhookSecret().rotate(OPERATOR, webhook.id())),
        Map.entry(
            "delete a webhook", () -> t.services.deleteWebhook().delete(OPERATOR, webhook.id())),
        Map.entry(
            "redeliver a delivery",
            () -> t.services.redeliver().redeliver(OPERATOR, webhook.id(), delivered.id())),
        Map.entry(
            "report a leaked token",
            () -> {
              byte[] body = "[a report]".getBytes(StandardCharsets.UTF_8);
              t.services
                  .reportLeakedTokens()
                  .report(
                      new ScanningReport(
                          body,
                          FakeScanningSignatures.KEY_IDENTIFIER,
                          FakeScanningSignatures.sign(body),
                          List.of(
                              new ScanningReport.Finding(
                                  keyToken,
                                  "keygate_api_key",
                                  Optional.of("https://github.com/o/r"),
                                  Optional.empty()))));
            }),
        Map.entry(
            "revoke a leaked token",
            () -> t.services.revokeLeakedTokens().revoke(List.of(keyToken), "203.0.113.9")));
  }

  /** Gives {@code of} that many credits, or takes its credits away. */
  private void changeCredits(ApiKey of, Optional<Long> remaining) {
    t.services
        .updateApiKey()
        .update(
            OPERATOR,
            of.id(),
            new UpdateApiKeyCommand(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                remaining.map(count -> new Credits(count, Optional.empty())),
                remaining.isEmpty(),
                Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void givenTheAuditLogCannotBeWritten_aChange_keepsNothing(String change) {
    List<Object> before = everythingStored();
    t.auditLog.failFromNowOn();

    assertThatThrownBy(() -> uses().get(change).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("audit log");

    assertThat(everythingStored()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void givenTheAuditLogWorks_aChange_isKeptWithItsEvent(String change) {
    List<Object> before = everythingStored();
    int events = t.auditLog.events().size();

    uses().get(change).run();

    assertThat(everythingStored()).isNotEqualTo(before);
    assertThat(t.auditLog.events()).hasSizeGreaterThan(events);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void givenTheAuditLogWorks_aChange_appendsExactlyItsKeyEventsInItsUnit(String change) {
    int before = t.outbox.events().size();

    uses().get(change).run();

    List<KeyEvent> appended = t.outbox.events().subList(before, t.outbox.events().size());
    assertThat(appended)
        .extracting(event -> event.type().wireName() + " " + event.keyName())
        .containsExactlyElementsOf(eventsOf().getOrDefault(change, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void givenTheAuditLogCannotBeWritten_aChange_appendsNoKeyEvent(String change) {
    List<KeyEvent> before = t.outbox.events();
    List<Delivery> deliveries = t.outbox.deliveries();
    t.auditLog.failFromNowOn();

    assertThatThrownBy(() -> uses().get(change).run()).isInstanceOf(IllegalStateException.class);

    assertThat(t.outbox.events()).isEqualTo(before);
    assertThat(t.outbox.deliveries()).isEqualTo(deliveries);
  }

  static Stream<String> keyEventChanges() {
    return Stream.of(
        "create a key",
        "create a root key",
        "create a metered key",
        "create a portal link",
        "rotate a key",
        "disable a key",
        "enable a key",
        "revoke a key",
        "set a key inactive by updating it",
        "report a leaked token",
        "revoke a leaked token");
  }

  /** The event is written inside the change's unit: when it cannot be, the change is not kept. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("keyEventChanges")
  void givenTheOutboxCannotBeWritten_aKeyChange_keepsNothing(String change) {
    assertThat(eventsOf()).containsKey(change);
    List<Object> before = everythingStored();
    int audited = t.auditLog.events().size();
    t.outbox.failFromNowOn();

    assertThatThrownBy(() -> uses().get(change).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outbox");

    assertThat(everythingStored()).isEqualTo(before);
    assertThat(t.auditLog.events()).hasSize(audited);
  }

  /** What the stores hold, compared by value. */
  private List<Object> everythingStored() {
    return List.of(
        t.apis.list(),
        t.apis.list().stream().map(api -> t.apis.scopes(api.id())).toList(),
        t.owners.listOrganizations(PageRequest.first(PageRequest.MAX_SIZE)),
        t.owners.listUsers(PageRequest.first(PageRequest.MAX_SIZE)),
        t.grants.of(ORG_A),
        t.grants.of(ORG_GONE),
        t.grants.of(USER_GONE),
        t.apiKeys.all(),
        // Credits live in the ledger, beside the keys, and belong to the unit too.
        t.apiKeys.all().stream().map(stored -> t.credits.remaining(stored.id())).toList(),
        t.owners.rateLimits(ORG_A),
        // The change feed's entries and numbers belong to the unit as well.
        t.changeFeed.after(0, Integer.MAX_VALUE),
        t.changeFeed.latest(),
        // So do the webhooks, their secrets, and the outbox's events and deliveries.
        t.webhooks.list(Optional.empty()),
        t.webhooks.list(Optional.empty()).stream()
            .map(each -> t.webhooks.storedSecret(each.id()))
            .toList(),
        t.outbox.events(),
        t.outbox.deliveries());
  }
}
