package dev.keygate.application.service;

import static dev.keygate.application.fake.TestKeygate.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.keygate.application.fake.InMemoryDeploymentLock;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Setting up an empty deployment once: management API, operator organization, root key. */
class InitializeDeploymentServiceTest {

  private final TestKeygate t = new TestKeygate();

  private Optional<IssuedApiKey> initialize() {
    return t.services.initializeDeployment().initialize("cli:alice");
  }

  private static List<String> allScopeKeys() {
    return Arrays.stream(ManagementScope.values()).map(ManagementScope::key).toList();
  }

  @Test
  void givenEmptyDeployment_initialize_registersTheManagementApiWithEveryManagementScope() {
    initialize();

    Api management = t.apis.findByAudience("keygate-management").orElseThrow();
    assertThat(management.isManagement()).isTrue();
    assertThat(t.apis.list()).containsExactly(management);
    List<Scope> scopes = t.apis.scopes(management.id());
    assertThat(scopes).extracting(Scope::key).containsExactlyInAnyOrderElementsOf(allScopeKeys());
    assertThat(scopes)
        .filteredOn(scope -> scope.key().equals("read:api_keys"))
        .extracting(Scope::description)
        .containsExactly(ManagementScope.READ_API_KEYS.description());
  }

  @Test
  void givenEmptyDeployment_initialize_createsTheOperatorOrganization() {
    initialize();

    Organization operator = t.owners.findOrganization(Organization.OPERATOR_CODE).orElseThrow();
    assertThat(operator.code().value()).isEqualTo("keygate-operator");
    assertThat(operator.createdOn()).isEqualTo(t.clock.instant());
  }

  @Test
  void givenEmptyDeployment_initialize_issuesOneRootKeyWithEveryScopeOnceShown() {
    IssuedApiKey root = initialize().orElseThrow();

    ApiKey key = t.stored(root.key().id());
    Api management = t.apis.findByAudience("keygate-management").orElseThrow();
    assertThat(t.apiKeys.all()).containsExactly(key);
    assertThat(key.owner()).isEqualTo(new Owner.Org(Organization.OPERATOR_CODE));
    assertThat(key.apiId()).isEqualTo(management.id());
    assertThat(key.scopeKeys()).containsExactlyInAnyOrderElementsOf(allScopeKeys());
    assertThat(key.status()).isEqualTo(ApiKeyStatus.ACTIVE);
    assertThat(key.expiresOn()).isEmpty();
    assertThat(key.createdBy()).isEqualTo("cli:alice");
    assertThat(t.verify(root).isValid()).isTrue();
    Principal principal =
        t.services
            .authenticate()
            .authenticate(root.token().reveal(), Optional.empty())
            .orElseThrow();
    assertThat(principal.isOperator()).isTrue();
    assertThat(principal.scopes()).containsExactlyInAnyOrder(ManagementScope.values());
  }

  @Test
  void givenEmptyDeployment_initialize_auditsEachStepAsTheActor() {
    IssuedApiKey root = initialize().orElseThrow();

    List<AuditEvent> events = t.auditLog.events();
    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly(
            AuditAction.API_REGISTER, AuditAction.ORGANIZATION_CREATE, AuditAction.API_KEY_CREATE);
    assertThat(events).extracting(AuditEvent::actor).containsOnly("cli:alice");
    assertThat(events.get(2).target()).isEqualTo(root.key().id().value());
  }

  @Test
  void givenInitializedDeployment_initialize_answersEmptyAndChangesNothing() {
    initialize();
    int events = t.auditLog.events().size();

    Optional<IssuedApiKey> again = initialize();

    assertThat(again).isEmpty();
    assertThat(t.apiKeys.all()).hasSize(1);
    assertThat(t.apis.list()).hasSize(1);
    assertThat(t.apis.scopes(t.apis.list().get(0).id())).hasSize(ManagementScope.values().length);
    assertThat(t.auditLog.events()).hasSize(events);
  }

  @Test
  void givenAnotherNodeInitializingUnderTheLockFirst_initialize_waitsAndIssuesNoSecondRootKey() {
    List<IssuedApiKey> theirs = new java.util.ArrayList<>();
    t.deploymentLock.letAnotherNodeGoFirst(
        () -> theirs.add(t.services.initializeDeployment().initialize("cli:other").orElseThrow()));

    Optional<IssuedApiKey> ours = t.services.initializeDeployment().initialize("cli:alice");

    assertThat(theirs).hasSize(1);
    assertThat(ours).isEmpty();
    assertThat(t.apiKeys.all())
        .singleElement()
        .extracting(ApiKey::id)
        .isEqualTo(theirs.get(0).key().id());
    assertThat(t.deploymentLock.holds()).isEqualTo(2);
  }

  @Test
  void givenAnotherNodeRegisteredTheManagementApiFirst_initialize_carriesOnWithTheirs() {
    // The other node's API is stored, but this node's look-up ran before it was: a lost race.
    Api theirs = Api.register("Keygate management API", Api.MANAGEMENT_AUDIENCE, t.clock);
    t.apis.add(theirs);
    ApiRepository lateLookup = new LateLookupApiRepository(t.apis);
    InitializeDeploymentService service =
        new InitializeDeploymentService(
            lateLookup,
            t.apiKeys,
            t.owners,
            new InMemoryDeploymentLock(),
            t.services.createApiKey(),
            new AuditTrail(t.auditLog, t.clock),
            t.clock);

    Optional<IssuedApiKey> root = service.initialize("node-2");

    assertThat(t.apis.list()).containsExactly(theirs);
    assertThat(root)
        .hasValueSatisfying(key -> assertThat(key.key().apiId()).isEqualTo(theirs.id()));
    assertThat(t.apis.scopes(theirs.id())).hasSize(ManagementScope.values().length);
  }

  @Test
  void givenARunInterruptedAfterTheApi_initialize_finishesTheJob() {
    Api interrupted = Api.register("Keygate management API", Api.MANAGEMENT_AUDIENCE, t.clock);
    t.apis.add(interrupted);
    t.apis.addScope(
        dev.keygate.domain.api.Scope.define(
            interrupted.id(), ManagementScope.READ_API_KEYS.key(), "", t.clock));

    Optional<IssuedApiKey> root = initialize();

    assertThat(root).isPresent();
    assertThat(t.apis.scopes(interrupted.id())).hasSize(ManagementScope.values().length);
    assertThat(t.owners.findOrganization(Organization.OPERATOR_CODE)).isPresent();
    assertThat(initialize()).isEmpty();
  }

  @Test
  void givenUpgradeBringingNewManagementScopes_initialize_givesThemToKeysThatHeldEveryScope() {
    IssuedApiKey root = initialize().orElseThrow();
    Api management = t.apis.findByAudience("keygate-management").orElseThrow();
    t.createOrganization("org_a");
    Owner orgA = new Owner.Org(new OrgCode("org_a"));
    ApiKey orgAdmin = t.issueKey(orgA, management, allScopeKeys().toArray(String[]::new)).key();
    ApiKey revokedAdmin = t.issueKey(orgA, management, allScopeKeys().toArray(String[]::new)).key();
    t.services.revokeApiKey().revoke(OPERATOR, revokedAdmin.id());
    ApiKey reader = t.issueKey(orgA, management, "read:api_keys").key();
    // As an earlier version left it: the newest scopes not defined yet, so held by no key.
    for (ManagementScope newer :
        List.of(ManagementScope.READ_GRANTS, ManagementScope.UPDATE_GRANTS)) {
      Scope scope =
          t.apis.scopes(management.id()).stream()
              .filter(s -> s.key().equals(newer.key()))
              .findFirst()
              .orElseThrow();
      t.apiKeys.withdrawScope(scope.id());
      t.apis.deleteScope(scope.id());
    }
    assertThat(t.stored(root.key().id()).scopeKeys()).doesNotContain("read:grants");
    int events = t.auditLog.events().size();

    assertThat(initialize()).isEmpty();

    assertThat(t.apis.scopes(management.id())).hasSize(ManagementScope.values().length);
    assertThat(t.stored(root.key().id()).scopeKeys())
        .containsExactlyInAnyOrderElementsOf(allScopeKeys());
    assertThat(t.stored(orgAdmin.id()).scopeKeys())
        .containsExactlyInAnyOrderElementsOf(allScopeKeys());
    assertThat(t.stored(reader.id()).scopeKeys()).containsExactly("read:api_keys");
    assertThat(t.stored(revokedAdmin.id()).scopeKeys()).doesNotContain("read:grants");
    assertThat(t.auditLog.events().subList(events, t.auditLog.events().size()))
        .extracting(AuditEvent::action, AuditEvent::target)
        .containsExactlyInAnyOrder(
            tuple(AuditAction.API_KEY_UPDATE, root.key().id().value()),
            tuple(AuditAction.API_KEY_UPDATE, orgAdmin.id().value()));
    assertThat(
            t.services
                .authenticate()
                .authenticate(root.token().reveal(), Optional.empty())
                .orElseThrow()
                .holds(ManagementScope.UPDATE_GRANTS))
        .isTrue();
  }

  @Test
  void givenUpgradeWhileTheRootKeyChangesElsewhere_initialize_readsItAgainAndLosesNeither() {
    IssuedApiKey root = initialize().orElseThrow();
    Api management = t.apis.findByAudience("keygate-management").orElseThrow();
    Scope newest =
        t.apis.scopes(management.id()).stream()
            .filter(s -> s.key().equals(ManagementScope.UPDATE_GRANTS.key()))
            .findFirst()
            .orElseThrow();
    t.apiKeys.withdrawScope(newest.id());
    t.apis.deleteScope(newest.id());
    RacingApiKeyRepository racing = new RacingApiKeyRepository(t.apiKeys);
    racing.raceNextUpdate();
    InitializeDeploymentService service =
        new InitializeDeploymentService(
            t.apis,
            racing,
            t.owners,
            new InMemoryDeploymentLock(),
            t.services.createApiKey(),
            new AuditTrail(t.auditLog, t.clock),
            t.clock);

    service.initialize("node-2");

    ApiKey stored = t.stored(root.key().id());
    assertThat(stored.scopeKeys()).containsExactlyInAnyOrderElementsOf(allScopeKeys());
    assertThat(stored.name()).isEqualTo("renamed meanwhile");
  }

  @Test
  void givenTheOperatorsCode_createOrganization_isRefusedBeforeAndAfterInitialization() {
    CreateOrganizationCommand command =
        new CreateOrganizationCommand("Impostor", Optional.of(Organization.OPERATOR_CODE));

    assertThatThrownBy(() -> t.services.createOrganization().create(OPERATOR, command))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("keygate-operator")
        .hasMessageContaining("reserved");
    initialize();
    assertThatThrownBy(() -> t.services.createOrganization().create(OPERATOR, command))
        .isInstanceOf(ValidationException.class);
    assertThat(t.owners.findOrganization(Organization.OPERATOR_CODE))
        .hasValueSatisfying(org -> assertThat(org.name()).isEqualTo("Keygate operator"));
  }

  /** An API repository whose audience look-up misses what was stored: another node was first. */
  private static final class LateLookupApiRepository implements ApiRepository {
    private final ApiRepository stored;

    LateLookupApiRepository(ApiRepository stored) {
      this.stored = stored;
    }

    private boolean looked;

    @Override
    public Optional<Api> findByAudience(String audience) {
      if (!looked) {
        looked = true;
        return Optional.empty();
      }
      return stored.findByAudience(audience);
    }

    @Override
    public void add(Api api) {
      stored.add(api);
    }

    @Override
    public Optional<Api> findById(ApiId id) {
      return stored.findById(id);
    }

    @Override
    public List<Api> list() {
      return stored.list();
    }

    @Override
    public void delete(ApiId id) {
      stored.delete(id);
    }

    @Override
    public void addScope(Scope scope) {
      stored.addScope(scope);
    }

    @Override
    public Optional<Scope> findScope(ApiId apiId, ScopeId id) {
      return stored.findScope(apiId, id);
    }

    @Override
    public List<Scope> scopes(ApiId apiId) {
      return stored.scopes(apiId);
    }

    @Override
    public void updateScope(Scope scope) {
      stored.updateScope(scope);
    }

    @Override
    public void deleteScope(ScopeId id) {
      stored.deleteScope(id);
    }
  }
}
