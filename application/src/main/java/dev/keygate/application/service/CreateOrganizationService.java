package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.CREATE_ORGANIZATIONS;
import static dev.keygate.domain.audit.AuditAction.ORGANIZATION_CREATE;

import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.CreateOrganizationUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.Checks;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import java.time.Clock;
import java.util.Optional;

/** Creates organizations, with a given or a generated code. */
public final class CreateOrganizationService implements CreateOrganizationUseCase {

  private final OwnerRepository owners;
  private final OwnerRemoval removal;
  private final Authorization authorization;
  private final Changes changes;
  private final Clock clock;

  CreateOrganizationService(
      OwnerRepository owners,
      OwnerRemoval removal,
      Authorization authorization,
      Changes changes,
      Clock clock) {
    this.owners = owners;
    this.removal = removal;
    this.authorization = authorization;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public Organization create(Principal principal, CreateOrganizationCommand command) {
    authorization.requireScope(
        principal, CREATE_ORGANIZATIONS, ORGANIZATION_CREATE, "organizations");
    authorization.requireOperator(principal, ORGANIZATION_CREATE, "organizations");
    OrgCode code =
        Checks.required("organization code", command.code()).orElseGet(OrgCode::generate);
    if (code.equals(Organization.OPERATOR_CODE)) {
      throw new ValidationException(
          "organization code " + code + " is reserved for Keygate's operator organization");
    }
    Organization organization = new Organization(code, command.name(), clock.instant());
    if (owners.findOrganization(code).isPresent()) {
      throw new ConflictException("organization " + code + " already exists");
    }
    removal.requireNoKeysOnRecord(organization.asOwner());
    changes.make(
        principal,
        ORGANIZATION_CREATE,
        code.value(),
        Optional.of(organization.asOwner()),
        () -> owners.addOrganization(organization));
    return organization;
  }
}
