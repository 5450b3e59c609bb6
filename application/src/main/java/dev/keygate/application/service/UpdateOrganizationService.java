package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_ORGANIZATIONS;
import static dev.keygate.domain.audit.AuditAction.ORGANIZATION_UPDATE;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateOrganizationUseCase;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.util.Optional;

/** Renames an organization: any for the operator, its own for an organization admin. */
public final class UpdateOrganizationService implements UpdateOrganizationUseCase {

  private final OwnerRepository owners;
  private final Authorization authorization;
  private final Changes changes;

  UpdateOrganizationService(OwnerRepository owners, Authorization authorization, Changes changes) {
    this.owners = owners;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public Organization update(Principal principal, OrgCode code, Optional<String> name) {
    authorization.requireScope(principal, UPDATE_ORGANIZATIONS, ORGANIZATION_UPDATE, code.value());
    Owner owner = new Owner.Org(code);
    authorization.requireReach(principal, owner, ORGANIZATION_UPDATE);
    Organization found =
        owners.findOrganization(code).orElseThrow(() -> Authorization.ownerNotFound(owner));
    if (name.isEmpty()) {
      return found;
    }
    Organization renamed = found.renamed(name.get());
    changes.make(
        principal,
        ORGANIZATION_UPDATE,
        code.value(),
        Optional.of(owner),
        () -> owners.updateOrganization(renamed));
    return renamed;
  }
}
