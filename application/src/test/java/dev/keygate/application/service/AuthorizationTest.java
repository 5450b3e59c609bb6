package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.fake.TestQueries;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.CreateUserCommand;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.UpdateScopeCommand;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what: each use case's management scope, the operator-only calls, and what
 * organization and user principals may read.
 */
class AuthorizationTest {

  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Principal ADMIN_A = TestKeygate.orgAdmin("org_a");
  private static final Principal USER_ALICE = TestKeygate.userPrincipal("kp_alice");

  private final TestKeygate t = new TestKeygate();
  private Api api;
  private Api spareApi;
  private Scope scope;
  private ApiKeyId activeKey;
  private ApiKeyId inactiveKey;
  private String token;

  @BeforeEach
  void setUp() {
    t.createOrganization("org_a");
    t.createUser("kp_alice");
    api = t.registerApi("https://users.example.com");
    spareApi = t.registerApi("https://spare.example.com");
    scope = t.addScope(api, "read:users");
    var issued = t.issueKey(ORG_A, api, "read:users");
    activeKey = issued.key().id();
    token = issued.token().reveal();
    inactiveKey = t.issueKey(ORG_A, api).key().id();
    t.services.disableApiKey().disable(OPERATOR, inactiveKey);
  }

  /** One use case called with arguments under which the operator succeeds. */
  interface Call {
    void as(AuthorizationTest fixture, Principal principal);
  }

  private static Arguments row(String name, ManagementScope scope, Call call) {
    return Arguments.of(Named.of(name, call), scope);
  }

  static Stream<Arguments> everyUseCaseWithItsScope() {
    return Stream.of(
        row(
            "register api",
            ManagementScope.CREATE_APIS,
            (f, p) ->
                f.t.services.registerApi().register(p, new RegisterApiCommand("New", "new-aud"))),
        row("list apis", ManagementScope.READ_APIS, (f, p) -> f.t.services.listApis().list(p)),
        row(
            "get api",
            ManagementScope.READ_APIS,
            (f, p) -> f.t.services.getApi().get(p, f.api.id())),
        row(
            "delete api",
            ManagementScope.DELETE_APIS,
            (f, p) -> f.t.services.deleteApi().delete(p, f.spareApi.id())),
        row(
            "add scope",
            ManagementScope.CREATE_API_SCOPES,
            (f, p) ->
                f.t.services.addScope().add(p, new AddScopeCommand(f.api.id(), "write:users", ""))),
        row(
            "list scopes",
            ManagementScope.READ_API_SCOPES,
            (f, p) -> f.t.services.listScopes().list(p, f.api.id())),
        row(
            "get scope",
            ManagementScope.READ_API_SCOPES,
            (f, p) -> f.t.services.getScope().get(p, f.api.id(), f.scope.id())),
        row(
            "update scope",
            ManagementScope.UPDATE_API_SCOPES,
            (f, p) ->
                f.t
                    .services
                    .updateScope()
                    .update(p, new UpdateScopeCommand(f.api.id(), f.scope.id(), "changed"))),
        row(
            "delete scope",
            ManagementScope.DELETE_API_SCOPES,
            (f, p) -> f.t.services.deleteScope().delete(p, f.api.id(), f.scope.id())),
        row(
            "create organization",
            ManagementScope.CREATE_ORGANIZATIONS,
            (f, p) ->
                f.t
                    .services
                    .createOrganization()
                    .create(
                        p,
                        new CreateOrganizationCommand("New", Optional.of(new OrgCode("org_new"))))),
        row(
            "list organizations",
            ManagementScope.READ_ORGANIZATIONS,
            (f, p) -> f.t.services.listOrganizations().list(p, PageRequest.first())),
        row(
            "create user",
            ManagementScope.CREATE_USERS,
            (f, p) ->
                f.t
                    .services
                    .createUser()
                    .create(
                        p,
                        new CreateUserCommand(
                            Optional.of(new UserId("kp_new")), "New", Optional.empty()))),
        row(
            "list users",
            ManagementScope.READ_USERS,
            (f, p) -> f.t.services.listUsers().list(p, PageRequest.first())),
        row(
            "create api key",
            ManagementScope.CREATE_API_KEYS,
            (f, p) ->
                f.t
                    .services
                    .createApiKey()
                    .create(
                        p,
                        new CreateApiKeyCommand(
                            "new", f.api.id(), List.of("read:users"), ORG_A, Optional.empty()))),
        row(
            "get api key",
            ManagementScope.READ_API_KEYS,
            (f, p) -> f.t.services.getApiKey().get(p, f.activeKey)),
        row(
            "list api keys",
            ManagementScope.READ_API_KEYS,
            (f, p) -> f.t.services.listApiKeys().list(p, ApiKeyFilter.ALL, PageRequest.first())),
        row(
            "rotate api key",
            ManagementScope.UPDATE_API_KEYS,
            (f, p) -> f.t.services.rotateApiKey().rotate(p, f.activeKey, Duration.ZERO)),
        row(
            "disable api key",
            ManagementScope.UPDATE_API_KEYS,
            (f, p) -> f.t.services.disableApiKey().disable(p, f.activeKey)),
        row(
            "enable api key",
            ManagementScope.UPDATE_API_KEYS,
            (f, p) -> f.t.services.enableApiKey().enable(p, f.inactiveKey)),
        row(
            "revoke api key",
            ManagementScope.DELETE_API_KEYS,
            (f, p) -> f.t.services.revokeApiKey().revoke(p, f.activeKey)),
        row(
            "list audit events",
            ManagementScope.READ_AUDIT_EVENTS,
            (f, p) ->
                f.t
                    .services
                    .listAuditEvents()
                    .list(p, TestQueries.allEvents(PageRequest.first()))));
  }

  /** Everything the use cases could have changed. */
  private List<Object> state() {
    return List.of(
        t.apiKeys.all(),
        t.apis.list(),
        t.apis.scopes(api.id()),
        t.owners.listOrganizations(PageRequest.first(500)).items(),
        t.owners.listUsers(PageRequest.first(500)).items());
  }

  private AuditEvent lastEvent() {
    return t.auditLog.events().get(t.auditLog.events().size() - 1);
  }

  @ParameterizedTest
  @MethodSource("everyUseCaseWithItsScope")
  void givenPrincipalWithoutTheScope_useCase_answersForbiddenNamingItAndAuditsTheRefusal(
      Call call, ManagementScope required) {
    Principal limited = TestKeygate.operatorWithout(required);
    List<Object> before = state();

    assertThatThrownBy(() -> call.as(this, limited))
        .isExactlyInstanceOf(ForbiddenException.class)
        .hasMessage("missing scope " + required.key());

    assertThat(state()).isEqualTo(before);
    AuditEvent refusal = lastEvent();
    assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refusal.actor()).isEqualTo("test:limited-operator");
    assertThat(refusal.detail()).isEqualTo("missing scope " + required.key());
  }

  @ParameterizedTest
  @MethodSource("everyUseCaseWithItsScope")
  void givenPrincipalHoldingOnlyTheScope_useCase_isNotRefused(Call call, ManagementScope required) {
    call.as(this, TestKeygate.operatorHolding(required));

    assertThat(t.auditLog.events()).noneMatch(e -> e.outcome() == AuditOutcome.REFUSED);
  }

  @Test
  void givenMissingScope_getOfANonexistentKey_answersForbiddenBeforeLookingItUp() {
    ApiKeyId missing = ApiKeyId.generate(Clock.systemUTC());

    assertThatThrownBy(
            () ->
                t.services
                    .getApiKey()
                    .get(TestKeygate.operatorWithout(ManagementScope.READ_API_KEYS), missing))
        .isExactlyInstanceOf(ForbiddenException.class)
        .hasMessage("missing scope read:api_keys");
  }

  @Test
  void givenOrgAdminWithoutDeleteScope_revokeItsOwnKey_answersForbidden() {
    Principal reader = TestKeygate.orgAdmin("org_a", ManagementScope.READ_API_KEYS);

    assertThatThrownBy(() -> t.services.revokeApiKey().revoke(reader, activeKey))
        .isExactlyInstanceOf(ForbiddenException.class)
        .hasMessage("missing scope delete:api_keys");
    assertThat(t.services.getApiKey().get(reader, activeKey).status())
        .isEqualTo(ApiKeyStatus.ACTIVE);
  }

  // --- verify takes either scope ---

  private VerifyOutcome verifyAs(Principal principal) {
    return t.services.verifyApiKey().verify(principal, VerifyApiKeyCommand.of(token)).outcome();
  }

  @Test
  void givenVerifyScopeOnly_verify_answers() {
    assertThat(verifyAs(TestKeygate.operatorHolding(ManagementScope.VERIFY_API_KEYS)))
        .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenReadScopeOnly_verify_answers() {
    assertThat(verifyAs(TestKeygate.operatorHolding(ManagementScope.READ_API_KEYS)))
        .isEqualTo(VerifyOutcome.API_KEY_VERIFIED);
  }

  @Test
  void givenNeitherVerifyNorReadScope_verify_answersForbiddenNamingBoth() {
    Set<ManagementScope> others = EnumSet.allOf(ManagementScope.class);
    others.removeAll(Set.of(ManagementScope.VERIFY_API_KEYS, ManagementScope.READ_API_KEYS));
    Principal neither = new Principal("test:limited-operator", OPERATOR.authority(), others);
    int reads = t.apiKeys.reads();

    assertThatThrownBy(() -> verifyAs(neither))
        .isExactlyInstanceOf(ForbiddenException.class)
        .hasMessage("missing scope verify:api_keys or read:api_keys");
    assertThat(t.apiKeys.reads()).isEqualTo(reads);
    assertThat(t.usage.count(activeKey)).isZero();
    assertThat(lastEvent().outcome()).isEqualTo(AuditOutcome.REFUSED);
  }

  // --- the operator's alone ---

  static Stream<Arguments> operatorOnlyCallsByConfinedPrincipals() {
    List<String> operatorOnly =
        List.of(
            "register api",
            "delete api",
            "add scope",
            "update scope",
            "delete scope",
            "create organization",
            "create user");
    return everyUseCaseWithItsScope()
        .filter(row -> operatorOnly.contains(row.get()[0].toString()))
        .flatMap(
            row ->
                Stream.of(ADMIN_A, USER_ALICE)
                    .map(
                        principal ->
                            Arguments.of(
                                Named.of(
                                    row.get()[0] + " as " + principal.actor(),
                                    ((Named<?>) row.get()[0]).getPayload()),
                                principal)));
  }

  @Test
  void operatorOnlyTable_holdsSevenCallsForEachConfinedPrincipal() {
    assertThat(operatorOnlyCallsByConfinedPrincipals()).hasSize(14);
  }

  @ParameterizedTest
  @MethodSource("operatorOnlyCallsByConfinedPrincipals")
  void givenConfinedPrincipal_operatorOnlyCall_answersForbiddenAndChangesNothing(
      Call call, Principal principal) {
    List<Object> before = state();

    assertThatThrownBy(() -> call.as(this, principal))
        .isExactlyInstanceOf(ForbiddenException.class)
        .hasMessage("only the operator may do this");

    assertThat(state()).isEqualTo(before);
    AuditEvent refusal = lastEvent();
    assertThat(refusal.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refusal.actor()).isEqualTo(principal.actor());
    assertThat(refusal.detail()).isEqualTo("only the operator may do this");
  }

  static Stream<Principal> confinedPrincipals() {
    return Stream.of(ADMIN_A, USER_ALICE);
  }

  @ParameterizedTest
  @MethodSource("confinedPrincipals")
  void givenConfinedPrincipal_readApisAndScopes_answersThem(Principal principal) {
    assertThat(t.services.listApis().list(principal)).containsExactlyInAnyOrder(api, spareApi);
    assertThat(t.services.getApi().get(principal, api.id()).scopes()).containsExactly(scope);
    assertThat(t.services.listScopes().list(principal, api.id())).containsExactly(scope);
    assertThat(t.services.getScope().get(principal, api.id(), scope.id())).isEqualTo(scope);
  }
}
