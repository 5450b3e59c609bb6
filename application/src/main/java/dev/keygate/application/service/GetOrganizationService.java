package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_ORGANIZATIONS;
import static dev.keygate.domain.audit.AuditAction.ORGANIZATION_READ;

import dev.keygate.application.port.in.GetOrganizationUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;

/**
 * Reads an organization: any for the operator, its own for an organization admin; what the list of
 * organizations shows the caller, one at a time.
 */
public final class GetOrganizationService implements GetOrganizationUseCase {

  private final OwnerRepository owners;
  private final Authorization authorization;

  GetOrganizationService(OwnerRepository owners, Authorization authorization) {
    this.owners = owners;
    this.authorization = authorization;
  }

  @Override
  public Organization get(Principal principal, OrgCode code) {
    authorization.requireScope(principal, READ_ORGANIZATIONS, ORGANIZATION_READ, "organizations");
    Owner owner = new Owner.Org(code);
    authorization.requireReach(principal, owner, ORGANIZATION_READ);
    return owners.findOrganization(code).orElseThrow(() -> Authorization.ownerNotFound(owner));
  }
}
