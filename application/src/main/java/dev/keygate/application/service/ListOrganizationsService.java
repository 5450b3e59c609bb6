package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_ORGANIZATIONS;
import static dev.keygate.domain.audit.AuditAction.ORGANIZATION_READ;

import dev.keygate.application.port.in.ListOrganizationsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.util.List;
import java.util.Optional;

/** Lists organizations: all for the operator, its own for an organization admin. */
public final class ListOrganizationsService implements ListOrganizationsUseCase {

  private final OwnerRepository owners;
  private final Authorization authorization;

  ListOrganizationsService(OwnerRepository owners, Authorization authorization) {
    this.owners = owners;
    this.authorization = authorization;
  }

  @Override
  public Page<Organization> list(Principal principal, ListOrder order, PageRequest page) {
    authorization.requireScope(principal, READ_ORGANIZATIONS, ORGANIZATION_READ, "organizations");
    Optional<Owner> confinement = principal.confinement();
    if (confinement.isEmpty()) {
      return owners.listOrganizations(order, page);
    }
    List<Organization> own =
        confinement
            .filter(Owner.Org.class::isInstance)
            .flatMap(owner -> owners.findOrganization(((Owner.Org) owner).code()))
            .stream()
            .toList();
    return order.page(own, Organization::name, organization -> organization.code().value(), page);
  }
}
