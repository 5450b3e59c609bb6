package dev.keygate.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.FakeKeyGenerator;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateApplicationCommand;
import dev.keygate.application.port.in.CreatePortalLinkCommand;
import dev.keygate.application.port.in.CreatedApplication;
import dev.keygate.application.port.in.IssueAccessTokenCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.in.SetGrantCommand;
import dev.keygate.application.port.in.TokenAnswer;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.OwnerType;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.token.KeyPrefix;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys of the environment (Kinde's {@code type: environment}) belong to the deployment: every kind
 * of caller, each authenticated as it would be in a real deployment, tries to create, read, list,
 * verify, rotate, rename, disable, enable and revoke one. Only callers with deployment-wide
 * authority succeed; a confined caller is told why it may not create one (403) and finds existing
 * ones exactly as it finds keys that do not exist (404, or left out of a list).
 */
class EnvironmentKeysTest {

  private static final String ISSUER = "https://keys.example.com";
  private static final Owner ENVIRONMENT = new Owner.Environment();
  private static final Owner ORG_A = new Owner.Org(new OrgCode("org_a"));
  private static final Owner USER_U = new Owner.User(new UserId("kp_u"));
  private static final Set<ManagementScope> KEY_SCOPES =
      EnumSet.of(
          ManagementScope.READ_API_KEYS,
          ManagementScope.CREATE_API_KEYS,
          ManagementScope.UPDATE_API_KEYS,
          ManagementScope.DELETE_API_KEYS,
          ManagementScope.VERIFY_API_KEYS);

  /** Every kind of caller that can manage keys. */
  enum Caller {
    /** The root key {@code keygate init} prints: the operator organization's management key. */
    OPERATOR_ROOT_KEY(true),
    /** The operator's local tools (the CLI, the embedding facade), which present no key. */
    LOCAL_OPERATOR(true),
    /** An M2M application of the whole deployment (no org_code) holding the key scopes. */
    UNBOUND_APPLICATION(true),
    /** Organization A's admin key with every key scope. */
    ORG_ADMIN_KEY(false),
    /** User U's management key with every key scope. */
    USER_KEY(false),
    /** An M2M application of organization A holding the key scopes. */
    ORG_BOUND_APPLICATION(false);

    final boolean deploymentWide;

    Caller(boolean deploymentWide) {
      this.deploymentWide = deploymentWide;
    }
  }

  private final TestKeygate t = new TestKeygate(new TenantLimits(1));
  private Api management;
  private Api users;
  private IssuedApiKey rootKey;

  @BeforeEach
  void setUp() {
    rootKey = t.services.initializeDeployment().initialize("test:init").orElseThrow();
    management = t.apis.findByAudience(Api.MANAGEMENT_AUDIENCE).orElseThrow();
    t.createOrganization("org_a");
    t.createUser("kp_u");
    users = t.registerApi("https://users.example.com");
    t.addScope(users, "read:users");
    t.addScope(users, "write:users");
    t.grant(ORG_A, users, "read:users");
    t.grant(USER_U, users, "read:users");
  }

  private Principal as(Caller caller) {
    return switch (caller) {
      case OPERATOR_ROOT_KEY -> authenticate(rootKey.token().reveal());
      case LOCAL_OPERATOR -> TestKeygate.OPERATOR;
      case UNBOUND_APPLICATION -> application(Optional.empty());
      case ORG_ADMIN_KEY -> managementKeyOf(ORG_A);
      case USER_KEY -> managementKeyOf(USER_U);
      case ORG_BOUND_APPLICATION -> application(Optional.of(new OrgCode("org_a")));
    };
  }

  private Principal authenticate(String token) {
    return t.services.authenticate().authenticate(token, Optional.empty()).orElseThrow();
  }

  private Principal managementKeyOf(Owner owner) {
    IssuedApiKey key =
        t.services
            .createApiKey()
            .create(
                TestKeygate.OPERATOR,
                new CreateApiKeyCommand(
                    "admin of " + owner.id(),
                    management.id(),
                    KEY_SCOPES.stream().map(ManagementScope::key).toList(),
                    owner,
                    Optional.empty()));
    return authenticate(key.token().reveal());
  }

  private Principal application(Optional<OrgCode> org) {
    CreatedApplication app =
        t.services
            .createApplication()
            .create(
                TestKeygate.OPERATOR,
                new CreateApplicationCommand("Backend", "m2m", org, KEY_SCOPES));
    TokenAnswer answer =
        t.services
            .issueAccessToken()
            .issue(
                new IssueAccessTokenCommand(
                    app.application().id().value(),
                    Secret.of(app.clientSecret().reveal()),
                    ISSUER + "/api",
                    Optional.empty(),
                    ISSUER,
                    Optional.empty()));
    return authenticate(((TokenAnswer.Issued) answer).accessToken().reveal());
  }

  private IssuedApiKey createEnvironmentKey(Principal principal) {
    return t.services
        .createApiKey()
        .create(
            principal,
            new CreateApiKeyCommand(
                "Nightly sync",
                users.id(),
                List.of("read:users", "write:users"),
                ENVIRONMENT,
                Optional.empty()));
  }

  private List<ApiKeyId> listed(Principal principal, ApiKeyFilter filter) {
    return t.services.listApiKeys().list(principal, filter, PageRequest.first(500)).items().stream()
        .map(ApiKey::id)
        .toList();
  }

  private static ApiKeyFilter ofType(OwnerType type) {
    return new ApiKeyFilter(
        Optional.of(type), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @ParameterizedTest
  @EnumSource(
      value = Caller.class,
      names = {"OPERATOR_ROOT_KEY", "LOCAL_OPERATOR", "UNBOUND_APPLICATION"})
  void aDeploymentWideCaller_managesAnEnvironmentKey_throughItsWholeLife(Caller caller) {
    Principal principal = as(caller);
    assertThat(principal.isOperator()).as("the caller's reach is the deployment").isTrue();

    IssuedApiKey issued = createEnvironmentKey(principal);
    ApiKeyId id = issued.key().id();

    assertThat(t.stored(id).owner()).isEqualTo(ENVIRONMENT);
    assertThat(t.stored(id).scopeKeys()).containsExactlyInAnyOrder("read:users", "write:users");
    assertThat(t.services.getApiKey().get(principal, id).owner()).isEqualTo(ENVIRONMENT);
    assertThat(listed(principal, ApiKeyFilter.ALL)).contains(id);
    assertThat(listed(principal, ofType(OwnerType.ENVIRONMENT))).containsExactly(id);
    assertThat(listed(principal, ofType(OwnerType.ORGANIZATION))).doesNotContain(id);
    assertThat(listed(principal, ApiKeyFilter.ALL.ownedBy(ENVIRONMENT))).containsExactly(id);

    Verification verified =
        t.services
            .verifyApiKey()
            .verify(principal, VerifyApiKeyCommand.of(issued.token().reveal(), "read:users"));
    assertThat(verified.isValid()).isTrue();
    assertThat(verified.key().orElseThrow().owner()).isEqualTo(ENVIRONMENT);

    IssuedApiKey rotated = t.services.rotateApiKey().rotate(principal, id, Duration.ZERO);
    assertThat(t.verify(rotated).isValid()).isTrue();
    assertThat(t.verify(issued).isValid()).isFalse();

    ApiKey renamed =
        t.services
            .updateApiKey()
            .update(
                principal,
                id,
                new UpdateApiKeyCommand(
                    Optional.of("Nightly sync v2"), Optional.empty(), Optional.empty()));
    assertThat(renamed.name()).isEqualTo("Nightly sync v2");
    assertThat(t.services.disableApiKey().disable(principal, id).status())
        .isEqualTo(ApiKeyStatus.INACTIVE);
    assertThat(t.services.enableApiKey().enable(principal, id).status())
        .isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(t.services.revokeApiKey().revoke(principal, id).status())
        .isEqualTo(ApiKeyStatus.REVOKED);
    assertThat(t.stored(id).owner()).isEqualTo(ENVIRONMENT);
  }

  @Test
  void creatingAnEnvironmentKey_isAuditedInTheEnvironmentsTrail() {
    IssuedApiKey issued = createEnvironmentKey(as(Caller.OPERATOR_ROOT_KEY));

    AuditEvent created =
        t.auditLog.events().stream()
            .filter(event -> event.action() == AuditAction.API_KEY_CREATE)
            .filter(event -> event.target().equals(issued.key().id().value()))
            .findFirst()
            .orElseThrow();
    assertThat(created.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    assertThat(created.targetOwner()).contains(ENVIRONMENT);
  }

  @Test
  void theEnvironmentIsNoTenant_itsKeysAreNotHeldToOwnerLimits() {
    // The tenant limit here is one live key per owner; only deployment-wide callers make
    // environment keys, and the deployment is not limited.
    Principal application = as(Caller.UNBOUND_APPLICATION);

    createEnvironmentKey(application);
    createEnvironmentKey(application);

    assertThat(listed(application, ofType(OwnerType.ENVIRONMENT))).hasSize(2);
  }

  @ParameterizedTest
  @EnumSource(
      value = Caller.class,
      names = {"ORG_ADMIN_KEY", "USER_KEY", "ORG_BOUND_APPLICATION"})
  void aConfinedCaller_creatingAnEnvironmentKey_isRefused403NamingWhy(Caller caller) {
    Principal principal = as(caller);
    int keysBefore = t.apiKeys.all().size();

    assertThatThrownBy(() -> createEnvironmentKey(principal))
        .isInstanceOf(ForbiddenException.class)
        .hasMessage(
            "environment keys belong to the whole deployment; only a caller with deployment-wide"
                + " authority may create one");

    assertThat(t.apiKeys.all()).hasSize(keysBefore);
    AuditEvent refused = t.auditLog.events().get(t.auditLog.events().size() - 1);
    assertThat(refused.outcome()).isEqualTo(AuditOutcome.REFUSED);
    assertThat(refused.action()).isEqualTo(AuditAction.API_KEY_CREATE);
    assertThat(refused.actor()).isEqualTo(principal.actor());
  }

  @ParameterizedTest
  @EnumSource(
      value = Caller.class,
      names = {"ORG_ADMIN_KEY", "USER_KEY", "ORG_BOUND_APPLICATION"})
  void aConfinedCaller_addressingAnEnvironmentKey_findsItAsIfItDidNotExist(Caller caller) {
    IssuedApiKey environmentKey = createEnvironmentKey(TestKeygate.OPERATOR);
    ApiKeyId id = environmentKey.key().id();
    ApiKeyId unknown = ApiKeyId.generate(t.clock);
    Principal principal = as(caller);
    List<Consumer<ApiKeyId>> calls =
        List.of(
            key -> t.services.getApiKey().get(principal, key),
            key -> t.services.rotateApiKey().rotate(principal, key, Duration.ZERO),
            key ->
                t.services
                    .updateApiKey()
                    .update(
                        principal,
                        key,
                        new UpdateApiKeyCommand(
                            Optional.of("mine now"), Optional.empty(), Optional.empty())),
            key -> t.services.disableApiKey().disable(principal, key),
            key -> t.services.enableApiKey().enable(principal, key),
            key -> t.services.revokeApiKey().revoke(principal, key));

    for (Consumer<ApiKeyId> call : calls) {
      assertThatThrownBy(() -> call.accept(id))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("api key " + id + " not found");
      assertThatThrownBy(() -> call.accept(unknown))
          .isInstanceOf(NotFoundException.class)
          .hasMessage("api key " + unknown + " not found");
    }

    ApiKey after = t.stored(id);
    assertThat(after.status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(after.name()).isEqualTo("Nightly sync");
    assertThat(after.secrets()).hasSize(1);
    assertThat(t.verify(environmentKey).isValid()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = Caller.class,
      names = {"ORG_ADMIN_KEY", "USER_KEY", "ORG_BOUND_APPLICATION"})
  void aConfinedCaller_neverSeesEnvironmentKeys_inListsOrVerifications(Caller caller) {
    IssuedApiKey environmentKey = createEnvironmentKey(TestKeygate.OPERATOR);
    Owner own = caller == Caller.USER_KEY ? USER_U : ORG_A;
    IssuedApiKey ownKey = t.issueKey(own, users, "read:users");
    Principal principal = as(caller);

    assertThat(listed(principal, ApiKeyFilter.ALL))
        .contains(ownKey.key().id())
        .doesNotContain(environmentKey.key().id());
    assertThat(listed(principal, ofType(OwnerType.ENVIRONMENT))).isEmpty();
    assertThat(listed(principal, ApiKeyFilter.ALL.ownedBy(ENVIRONMENT))).isEmpty();

    Verification verified =
        t.services
            .verifyApiKey()
            .verify(principal, VerifyApiKeyCommand.of(environmentKey.token().reveal()));
    assertThat(verified.isValid()).isFalse();
    assertThat(verified.key()).isEmpty();
  }

  @Test
  void anEnvironmentKeyForTheManagementApi_isRefused400_evenForTheOperator() {
    assertThatThrownBy(
            () ->
                t.services
                    .createApiKey()
                    .create(
                        as(Caller.OPERATOR_ROOT_KEY),
                        new CreateApiKeyCommand(
                            "env admin",
                            management.id(),
                            List.of("read:api_keys"),
                            ENVIRONMENT,
                            Optional.empty())))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "management keys belong to the operator organization, an organization or a user;"
                + " an environment key cannot be one");
    assertThat(t.apiKeys.all()).noneMatch(key -> key.owner().equals(ENVIRONMENT));
  }

  @Test
  void aManagementKeyOfTheEnvironment_storedAnyway_authenticatesNobody() {
    Instant now = t.clock.instant();
    KeyMint.Minted minted =
        new KeyMint(new FakeKeyGenerator(7), t.hasher, KeyPrefix.DEFAULT).mint(now);
    ApiKey smuggled =
        ApiKey.create(
            ApiKeyId.generate(t.clock),
            "smuggled",
            ENVIRONMENT,
            management.id(),
            Set.copyOf(t.apis.scopes(management.id())),
            minted.secret(),
            "test:smuggler",
            Optional.empty(),
            Optional.empty(),
            now);
    t.apiKeys.add(smuggled);
    String token = minted.token().reveal();
    assertThat(t.verify(token).isValid()).as("the key itself verifies").isTrue();

    assertThat(t.services.authenticate().authenticate(token, Optional.empty())).isEmpty();
  }

  @Test
  void theEnvironment_hasNoPortalAndNoGrants() {
    assertThatThrownBy(
            () ->
                t.services
                    .createPortalLink()
                    .create(
                        TestKeygate.OPERATOR,
                        new CreatePortalLinkCommand(ENVIRONMENT, Duration.ofMinutes(15))))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "portal links are for customers' organizations and users; the operator has the"
                + " console");
    assertThatThrownBy(
            () ->
                t.services
                    .setGrant()
                    .set(
                        TestKeygate.OPERATOR,
                        new SetGrantCommand(ENVIRONMENT, users.id(), List.of("read:users"))))
        .isInstanceOf(ValidationException.class)
        .hasMessage("the environment is not granted apis: only the operator issues its keys");
    assertThat(t.apiKeys.all()).noneMatch(key -> key.owner().equals(ENVIRONMENT));
  }
}
