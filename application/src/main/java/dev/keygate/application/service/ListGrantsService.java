package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_GRANTS;
import static dev.keygate.domain.audit.AuditAction.GRANT_READ;

import dev.keygate.application.port.in.ListGrantsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.GrantRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.owner.Owner;
import java.util.List;

/** Reads an owner's grants: any owner for the operator, its own for a confined caller. */
public final class ListGrantsService implements ListGrantsUseCase {

  private final GrantRepository grants;
  private final OwnerRepository owners;
  private final Authorization authorization;

  ListGrantsService(GrantRepository grants, OwnerRepository owners, Authorization authorization) {
    this.grants = grants;
    this.owners = owners;
    this.authorization = authorization;
  }

  @Override
  public List<Grant> list(Principal principal, Owner owner) {
    authorization.requireScope(principal, READ_GRANTS, GRANT_READ, "grants");
    authorization.requireReach(principal, owner, GRANT_READ);
    if (!owners.exists(owner)) {
      throw Authorization.ownerNotFound(owner);
    }
    return grants.of(owner);
  }
}
