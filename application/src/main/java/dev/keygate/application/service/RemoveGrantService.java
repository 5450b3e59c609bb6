package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_GRANTS;
import static dev.keygate.domain.audit.AuditAction.GRANT_REMOVE;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RemoveGrantUseCase;
import dev.keygate.application.port.out.GrantRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.owner.Owner;
import java.util.Optional;

/** Takes an API out of an owner's grants; the keys already issued stay as they are. */
public final class RemoveGrantService implements RemoveGrantUseCase {

  private final GrantRepository grants;
  private final OwnerRepository owners;
  private final Authorization authorization;
  private final Changes changes;

  RemoveGrantService(
      GrantRepository grants,
      OwnerRepository owners,
      Authorization authorization,
      Changes changes) {
    this.grants = grants;
    this.owners = owners;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public void remove(Principal principal, Owner owner, ApiId apiId) {
    authorization.requireScope(principal, UPDATE_GRANTS, GRANT_REMOVE, apiId.value());
    authorization.requireOperator(principal, GRANT_REMOVE, apiId.value());
    if (!owners.exists(owner)) {
      throw Authorization.ownerNotFound(owner);
    }
    changes.make(
        principal,
        GRANT_REMOVE,
        apiId.value(),
        Optional.of(owner),
        () -> {
          if (!grants.remove(owner, apiId)) {
            throw new NotFoundException(
                Authorization.describe(owner) + " has no grant of api " + apiId + " to remove");
          }
        });
  }
}
