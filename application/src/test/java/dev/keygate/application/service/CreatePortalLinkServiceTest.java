package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.PortalLink;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Portal links: a short-lived management key held to one owner, with the portal's scopes only. */
class CreatePortalLinkServiceTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));
  private static final Owner ALICE = new Owner.User(new UserId("kp_alice"));
  private static final Duration TTL = Duration.ofMinutes(15);

  private final TestKeygate t = new TestKeygate();
  private Api users;

  @BeforeEach
  void setUp() {
    t.services.initializeDeployment().initialize("test:init");
    t.createOrganization("org_a");
    t.createOrganization("org_b");
    t.createUser("kp_alice");
    users = t.registerApi("https://users.example.com");
    t.addScope(users, "read:users");
  }

  private PortalLink link(Principal principal, Owner owner) {
    return t.services.createPortalLink().create(principal, new CreatePortalLinkCommand(owner, TTL));
  }

  @Test
  void givenOperator_create_issuesManagementKeyForTheOwnerWithPortalScopesOnly() {
    PortalLink link = link(OPERATOR, ORG_A);

    assertThat(link.key().owner()).isEqualTo(ORG_A);
    assertThat(link.key().name()).isEqualTo("Portal link");
    assertThat(link.expiresOn()).isEqualTo(t.clock.instant().plus(TTL));
    assertThat(link.key().scopes())
        .extracting(scope -> scope.key())
        .containsExactlyInAnyOrder(
            "read:api_keys",
            "create:api_keys",
            "update:api_keys",
            "delete:api_keys",
            "read:apis",
            "read:api_scopes",
            "read:grants");
    assertThat(t.stored(link.key().id()).apiId()).isEqualTo(managementApiId());
    assertThat(t.auditLog.events())
        .anySatisfy(
            event -> {
              assertThat(event.action()).isEqualTo(AuditAction.PORTAL_LINK_CREATE);
              assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
              assertThat(event.target()).isEqualTo(link.key().id().value());
            });
  }

  private ApiId managementApiId() {
    return t.apis.findByAudience(Api.MANAGEMENT_AUDIENCE).orElseThrow().id();
  }

  @Test
  void theLinksToken_authenticatesAsThatOwnerOnly_untilItExpires() {
    PortalLink link = link(OPERATOR, ALICE);
    Principal portal =
        t.services
            .authenticate()
            .authenticate(link.token().reveal(), Optional.empty())
            .orElseThrow();

    assertThat(portal.isOperator()).isFalse();
    assertThat(portal.confinement()).contains(ALICE);
    assertThat(portal.holds(ManagementScope.CREATE_API_KEYS)).isTrue();
    assertThat(portal.holds(ManagementScope.CREATE_PORTAL_LINKS)).isFalse();
    assertThat(portal.holds(ManagementScope.READ_ORGANIZATIONS)).isFalse();

    t.clock.advance(TTL.plusSeconds(1));
    assertThat(t.services.authenticate().authenticate(link.token().reveal(), Optional.empty()))
        .isEmpty();
  }

  @Test
  void givenPortalOfOrgA_keysOfOrgB_areNotFound() {
    ApiKeyId keyOfB = t.issueKey(ORG_B, users, "read:users").key().id();
    PortalLink link = link(OPERATOR, ORG_A);
    Principal portal =
        t.services
            .authenticate()
            .authenticate(link.token().reveal(), Optional.empty())
            .orElseThrow();

    assertThatThrownBy(() -> t.services.getApiKey().get(portal, keyOfB))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> t.services.revokeApiKey().revoke(portal, keyOfB))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                t.services
                    .createApiKey()
                    .create(
                        portal,
                        new CreateApiKeyCommand(
                            "sneaky", users.id(), List.of("read:users"), ORG_B, Optional.empty())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenOrgAdmin_create_worksForItsOwnOrganizationOnly() {
    Principal adminOfA = TestKeygate.orgAdmin("org_a");

    assertThat(link(adminOfA, ORG_A).key().owner()).isEqualTo(ORG_A);
    assertThatThrownBy(() -> link(adminOfA, ORG_B))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("organization org_b not found");
  }

  @Test
  void givenCallerWhoseKeyEndsSooner_create_endsTheLinkWithIt() {
    Instant callerEnds = t.clock.instant().plus(Duration.ofMinutes(5));

    PortalLink made = link(TestKeygate.endingAt(TestKeygate.orgAdmin("org_a"), callerEnds), ORG_A);

    assertThat(made.expiresOn()).isEqualTo(callerEnds);
    assertThat(link(TestKeygate.OPERATOR, ORG_A).expiresOn())
        .isEqualTo(t.clock.instant().plus(TTL));
  }

  @Test
  void withoutTheScope_create_isForbidden() {
    assertThatThrownBy(
            () -> link(TestKeygate.operatorWithout(ManagementScope.CREATE_PORTAL_LINKS), ORG_A))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("missing scope create:portal_links");
  }

  @Test
  void givenCallerLackingAPortalScope_create_isForbidden() {
    Principal onlyLinks =
        TestKeygate.orgAdmin(
            "org_a", ManagementScope.CREATE_PORTAL_LINKS, ManagementScope.READ_APIS);

    assertThatThrownBy(() -> link(onlyLinks, ORG_A))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage(
            "cannot make the portal link: it holds create:api_keys, which the caller does not"
                + " hold");
  }

  @Test
  void givenCallerNotHoldingReadGrants_create_leavesItOutOfTheLink() {
    Principal admin =
        TestKeygate.orgAdmin(
            "org_a",
            ManagementScope.CREATE_PORTAL_LINKS,
            ManagementScope.READ_API_KEYS,
            ManagementScope.CREATE_API_KEYS,
            ManagementScope.UPDATE_API_KEYS,
            ManagementScope.DELETE_API_KEYS,
            ManagementScope.READ_APIS,
            ManagementScope.READ_API_SCOPES);

    PortalLink made = link(admin, ORG_A);

    assertThat(made.key().scopeKeys()).hasSize(6).doesNotContain("read:grants");
  }

  @Test
  void givenTheOperatorOrganization_create_isRefused_itsKeysActForTheWholeDeployment() {
    Owner operatorOrg = new Owner.Org(new OrgCode("keygate-operator"));
    int keys = t.apiKeys.all().size();

    assertThatThrownBy(() -> link(OPERATOR, operatorOrg))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "portal links are for customers' organizations and users; the operator has the"
                + " console");
    assertThat(t.apiKeys.all()).hasSize(keys);
  }

  @Test
  void givenCallerPresentingAKey_create_makesTheLinkAKeyOfThatMaker() {
    Principal admin = authenticatedAdminOf(ORG_A);

    PortalLink made = link(admin, ORG_A);

    assertThat(made.key().madeBy()).isEqualTo(admin.key());
    assertThat(made.key().madeBy()).isPresent();
  }

  /** A management key of {@code owner} with every scope, as its holder authenticates with it. */
  private Principal authenticatedAdminOf(Owner owner) {
    String token =
        t.issueKey(
                owner,
                t.apis.findByAudience(Api.MANAGEMENT_AUDIENCE).orElseThrow(),
                Arrays.stream(ManagementScope.values())
                    .map(ManagementScope::key)
                    .toArray(String[]::new))
            .token()
            .reveal();
    return t.services.authenticate().authenticate(token, Optional.empty()).orElseThrow();
  }

  @Test
  void givenUnknownOwner_create_isNotFound() {
    assertThatThrownBy(() -> link(OPERATOR, new Owner.User(new UserId("kp_nobody"))))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("user kp_nobody not found");
  }

  @Test
  void givenTtlOutOfRange_create_isRefused() {
    for (Duration ttl : List.of(Duration.ZERO, Duration.ofMinutes(-1), Duration.ofDays(2))) {
      assertThatThrownBy(
              () ->
                  t.services
                      .createPortalLink()
                      .create(OPERATOR, new CreatePortalLinkCommand(ORG_A, ttl)))
          .isInstanceOf(ValidationException.class);
    }
  }
}
