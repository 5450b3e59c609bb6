package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.SetGrantCommand;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator decides what each organization and user may hold, API by API. */
class GrantServicesTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner ORG_B = new Owner.Org(new OrgCode("org_b"));
  private static final Owner ALICE = new Owner.User(new UserId("kp_alice"));

  private final TestKeygate t = new TestKeygate();
  private Api users;
  private Api billing;
  private Scope readUsers;
  private Scope writeUsers;

  @BeforeEach
  void setUp() {
    t.services.initializeDeployment().initialize("test:init");
    t.createOrganization("org_a");
    t.createOrganization("org_b");
    t.createUser("kp_alice");
    users = t.registerApi("https://users.example.com");
    billing = t.registerApi("https://billing.example.com");
    readUsers = t.addScope(users, "read:users");
    writeUsers = t.addScope(users, "write:users");
  }

  private Grant set(Principal principal, Owner owner, Api api, String... scopes) {
    return t.services
        .setGrant()
        .set(principal, new SetGrantCommand(owner, api.id(), List.of(scopes)));
  }

  private List<Grant> list(Principal principal, Owner owner) {
    return t.services.listGrants().list(principal, owner);
  }

  private AuditEvent lastEvent() {
    return t.auditLog.events().get(t.auditLog.events().size() - 1);
  }

  @Test
  void givenOperator_set_grantsTheScopesByIdOrKey_andAuditsItInTheOwnersTrail() {
    Grant grant = set(OPERATOR, ORG_A, users, readUsers.id().value(), "write:users");

    assertThat(grant.scopes()).containsExactlyInAnyOrder(readUsers, writeUsers);
    assertThat(list(OPERATOR, ORG_A)).containsExactly(grant);
    assertThat(grant.grantedBy()).isEqualTo(OPERATOR.actor());
    assertThat(lastEvent().action()).isEqualTo(AuditAction.GRANT_SET);
    assertThat(lastEvent().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(lastEvent().target()).isEqualTo(users.id().value());
    assertThat(lastEvent().targetOwner()).contains(ORG_A);
  }

  @Test
  void givenAGrant_setAgain_replacesItsScopes_otherApisAndOwnersUntouched() {
    set(OPERATOR, ORG_A, users, "read:users", "write:users");
    set(OPERATOR, ORG_A, billing);
    set(OPERATOR, ORG_B, users, "read:users");

    set(OPERATOR, ORG_A, users, "write:users");

    assertThat(list(OPERATOR, ORG_A))
        .extracting(Grant::apiId, Grant::scopes)
        .containsExactlyInAnyOrder(
            tuple(users.id(), Set.of(writeUsers)), tuple(billing.id(), Set.of()));
    assertThat(list(OPERATOR, ORG_B))
        .singleElement()
        .extracting(Grant::scopes)
        .isEqualTo(Set.of(readUsers));
  }

  @Test
  void givenAScopeTheApiDoesNotDefine_set_isRefusedNamingIt() {
    assertThatThrownBy(() -> set(OPERATOR, ORG_A, users, "read:users", "write:billing"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope 'write:billing' is not defined on api " + users.id());
    assertThat(list(OPERATOR, ORG_A)).isEmpty();
  }

  @Test
  void givenTheManagementApi_set_isRefused_managementKeysAreGrantedByWhoMakesThem() {
    Api management = t.apis.findByAudience(Api.MANAGEMENT_AUDIENCE).orElseThrow();

    assertThatThrownBy(() -> set(OPERATOR, ORG_A, management, "read:api_keys"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("the management api is not granted");
  }

  @Test
  void givenUnknownOwnerOrApi_set_answersNotFound() {
    assertThatThrownBy(() -> set(OPERATOR, new Owner.Org(new OrgCode("org_zzz")), users))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("organization org_zzz not found");
    assertThatThrownBy(
            () ->
                t.services
                    .setGrant()
                    .set(OPERATOR, new SetGrantCommand(ALICE, ApiId.generate(t.clock), List.of())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAnyoneButTheOperator_setOrRemove_isRefused_evenForItsOwnOrganization() {
    Principal admin = TestKeygate.orgAdmin("org_a");

    assertThatThrownBy(() -> set(admin, ORG_A, users, "read:users"))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("only the operator may do this");
    assertThatThrownBy(() -> t.services.removeGrant().remove(admin, ORG_A, users.id()))
        .isInstanceOf(ForbiddenException.class);
    assertThat(list(OPERATOR, ORG_A)).isEmpty();
    assertThat(lastEvent().outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(lastEvent().targetOwner()).contains(ORG_A);
  }

  @Test
  void givenOperatorWithoutUpdateGrants_set_isRefusedForTheScope() {
    assertThatThrownBy(
            () -> set(TestKeygate.operatorWithout(ManagementScope.UPDATE_GRANTS), ORG_A, users))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("missing scope update:grants");
  }

  @Test
  void givenConfinedCaller_list_answersItsOwnGrants_andAnotherOwnersAsNotFound() {
    set(OPERATOR, ORG_A, users, "read:users");
    set(OPERATOR, ORG_B, users, "write:users");

    assertThat(list(TestKeygate.orgAdmin("org_a"), ORG_A))
        .singleElement()
        .extracting(Grant::scopes)
        .isEqualTo(Set.of(readUsers));
    assertThatThrownBy(() -> list(TestKeygate.orgAdmin("org_a"), ORG_B))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("organization org_b not found");
    assertThatThrownBy(() -> list(TestKeygate.userPrincipal("kp_alice"), ORG_A))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> list(TestKeygate.orgAdmin("org_a", ManagementScope.READ_API_KEYS), ORG_A))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage("missing scope read:grants");
  }

  @Test
  void givenAGrant_remove_takesItAway_andAGrantThatIsNotThere_isNotFound() {
    set(OPERATOR, ORG_A, users, "read:users");

    t.services.removeGrant().remove(OPERATOR, ORG_A, users.id());

    assertThat(list(OPERATOR, ORG_A)).isEmpty();
    assertThat(lastEvent().action()).isEqualTo(AuditAction.GRANT_REMOVE);
    assertThatThrownBy(() -> t.services.removeGrant().remove(OPERATOR, ORG_A, users.id()))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("organization org_a has no grant of api " + users.id() + " to remove");
  }

  @Test
  void givenGrantedScopeDeleted_theGrantNoLongerHoldsIt() {
    set(OPERATOR, ORG_A, users, "read:users", "write:users");

    t.services.deleteScope().delete(OPERATOR, users.id(), writeUsers.id());

    assertThat(list(OPERATOR, ORG_A))
        .singleElement()
        .extracting(Grant::scopes)
        .isEqualTo(Set.of(readUsers));
  }

  @Test
  void givenGrantRemoved_keysAlreadyIssued_keepTheirScopesAndKeepVerifying() {
    set(OPERATOR, ORG_A, users, "read:users");
    IssuedApiKey issued =
        t.services
            .createApiKey()
            .create(
                TestKeygate.orgAdmin("org_a"),
                new CreateApiKeyCommand(
                    "k", users.id(), List.of("read:users"), ORG_A, Optional.empty()));

    t.services.removeGrant().remove(OPERATOR, ORG_A, users.id());

    assertThat(t.verify(issued, "read:users").isValid()).isTrue();
  }
}
