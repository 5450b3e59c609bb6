package dev.keygate.application.service;

import static dev.keygate.domain.audit.AuditAction.API_KEY_UPDATE;
import static dev.keygate.domain.audit.AuditAction.API_REGISTER;
import static dev.keygate.domain.audit.AuditAction.ORGANIZATION_CREATE;

import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateApiKeyUseCase;
import dev.keygate.application.port.in.InitializeDeploymentUseCase;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.DeploymentLock;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sets up an empty deployment once: the management API with every management scope, the operator
 * organization, and a root key; on an upgraded deployment, adds the management scopes that are new
 * and gives them to the keys that held every one before. A run is one unit of work, so a run that
 * is cut short leaves nothing behind, and each step is skipped when already done, so a deployment
 * that has a management key gets no second root key. The whole run holds the deployment lock: nodes
 * starting on one empty database at once would otherwise each find no key yet and each print a root
 * key.
 */
public final class InitializeDeploymentService implements InitializeDeploymentUseCase {

  /** Runs of the unit before a clash with a serving node's change is given up on. */
  private static final int ATTEMPTS = 3;

  private final ApiRepository apis;
  private final ApiKeyRepository apiKeys;
  private final OwnerRepository owners;
  private final DeploymentLock lock;
  private final CreateApiKeyUseCase createApiKey;
  private final KeyTransitions transitions;
  private final Changes changes;
  private final Clock clock;

  InitializeDeploymentService(
      ApiRepository apis,
      ApiKeyRepository apiKeys,
      OwnerRepository owners,
      DeploymentLock lock,
      CreateApiKeyUseCase createApiKey,
      KeyTransitions transitions,
      Changes changes,
      Clock clock) {
    this.apis = apis;
    this.apiKeys = apiKeys;
    this.owners = owners;
    this.lock = lock;
    this.createApiKey = createApiKey;
    this.transitions = transitions;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public Optional<IssuedApiKey> initialize(String actor) {
    return lock.whileHeld(() -> initializeHeld(Principal.operator(actor)));
  }

  /**
   * One run as one unit. A serving node may change a management key while it runs; the clash undoes
   * the run, and the next one reads the key again.
   */
  private Optional<IssuedApiKey> initializeHeld(Principal operator) {
    for (int attempt = 1; ; attempt++) {
      try {
        return changes.together(() -> run(operator));
      } catch (ConflictException changedMeanwhile) {
        if (attempt == ATTEMPTS) {
          throw changedMeanwhile;
        }
      }
    }
  }

  private Optional<IssuedApiKey> run(Principal operator) {
    Api management = managementApi(operator);
    List<Scope> defined = apis.scopes(management.id());
    boolean added = false;
    for (ManagementScope scope : ManagementScope.values()) {
      if (defined.stream().noneMatch(existing -> existing.key().equals(scope.key()))) {
        apis.addScope(Scope.define(management.id(), scope.key(), scope.description(), clock));
        added = true;
      }
    }
    if (added && !defined.isEmpty()) {
      giveNewScopesToHoldersOfEvery(operator, management, Set.copyOf(defined));
    }
    Owner operatorOrganization = new Owner.Org(Organization.OPERATOR_CODE);
    if (owners.findOrganization(Organization.OPERATOR_CODE).isEmpty()) {
      changes.make(
          operator,
          ORGANIZATION_CREATE,
          Organization.OPERATOR_CODE.value(),
          Optional.of(operatorOrganization),
          () ->
              owners.addOrganization(
                  new Organization(
                      Organization.OPERATOR_CODE, "Keygate operator", clock.instant())));
    }
    // A deployment with any management key is initialised: the root key is made once.
    if (apiKeys.countByApi(management.id()) > 0) {
      return Optional.empty();
    }
    return Optional.of(
        createApiKey.create(
            operator,
            new CreateApiKeyCommand(
                "Root management key",
                management.id(),
                Arrays.stream(ManagementScope.values()).map(ManagementScope::key).toList(),
                operatorOrganization,
                Optional.empty())));
  }

  /**
   * After an upgrade that brought new management scopes: a key that held every management scope
   * before (a root key) holds the new ones too, so that it can still do everything. Keys that held
   * less stay as they were.
   */
  private void giveNewScopesToHoldersOfEvery(
      Principal operator, Api management, Set<Scope> before) {
    Set<Scope> every = Set.copyOf(apis.scopes(management.id()));
    ApiKeyFilter managementKeys =
        new ApiKeyFilter(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(management.id()));
    PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
    while (true) {
      Page<ApiKey> keys = apiKeys.list(managementKeys, page);
      for (ApiKey key : keys.items()) {
        if (key.status() != ApiKeyStatus.REVOKED && key.scopes().containsAll(before)) {
          transitions.store(operator, API_KEY_UPDATE, key.withScopes(every));
        }
      }
      if (!keys.hasMore()) {
        return;
      }
      String last = keys.items().get(keys.items().size() - 1).id().value();
      page = new PageRequest(PageRequest.MAX_SIZE, Optional.of(last));
    }
  }

  private Api managementApi(Principal operator) {
    Optional<Api> existing = apis.findByAudience(Api.MANAGEMENT_AUDIENCE);
    if (existing.isPresent()) {
      return existing.get();
    }
    Api management = Api.register("Keygate management API", Api.MANAGEMENT_AUDIENCE, clock);
    changes.make(
        operator,
        API_REGISTER,
        management.id().value(),
        Optional.empty(),
        () -> apis.add(management));
    return management;
  }
}
