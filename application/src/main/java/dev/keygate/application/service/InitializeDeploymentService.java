package dev.keygate.application.service;

import static dev.keygate.domain.audit.AuditAction.API_REGISTER;
import static dev.keygate.domain.audit.AuditAction.ORGANIZATION_CREATE;

import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateApiKeyUseCase;
import dev.keygate.application.port.in.InitializeDeploymentUseCase;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * Sets up an empty deployment once: the management API with every management scope, the operator
 * organization, and a root key. A deployment whose management API exists is left alone, so two
 * nodes starting on one empty database initialize it once between them.
 */
public final class InitializeDeploymentService implements InitializeDeploymentUseCase {

  private final ApiRepository apis;
  private final OwnerRepository owners;
  private final CreateApiKeyUseCase createApiKey;
  private final AuditTrail trail;
  private final Clock clock;

  InitializeDeploymentService(
      ApiRepository apis,
      OwnerRepository owners,
      CreateApiKeyUseCase createApiKey,
      AuditTrail trail,
      Clock clock) {
    this.apis = apis;
    this.owners = owners;
    this.createApiKey = createApiKey;
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  public Optional<IssuedApiKey> initialize(String actor) {
    if (apis.findByAudience(Api.MANAGEMENT_AUDIENCE).isPresent()) {
      return Optional.empty();
    }
    Principal operator = Principal.operator(actor);
    Api management = Api.register("Keygate management API", Api.MANAGEMENT_AUDIENCE, clock);
    try {
      apis.add(management);
    } catch (ConflictException anotherNodeWasFirst) {
      return Optional.empty();
    }
    trail.succeeded(operator, API_REGISTER, management.id().value(), Optional.empty());
    for (ManagementScope scope : ManagementScope.values()) {
      apis.addScope(Scope.define(management.id(), scope.key(), scope.description(), clock));
    }
    if (owners.findOrganization(Organization.OPERATOR_CODE).isEmpty()) {
      Organization organization =
          new Organization(Organization.OPERATOR_CODE, "Keygate operator", clock.instant());
      owners.addOrganization(organization);
      trail.succeeded(
          operator,
          ORGANIZATION_CREATE,
          organization.code().value(),
          Optional.of(organization.asOwner()));
    }
    return Optional.of(
        createApiKey.create(
            operator,
            new CreateApiKeyCommand(
                "Root management key",
                management.id(),
                Arrays.stream(ManagementScope.values()).map(ManagementScope::key).toList(),
                new Owner.Org(Organization.OPERATOR_CODE),
                Optional.empty())));
  }
}
