package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.DELETE_USERS;
import static dev.keygate.domain.audit.AuditAction.USER_DELETE;

import dev.keygate.application.port.in.DeleteUserUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.util.Optional;

/**
 * Deletes a user with their grants, for the operator only. Refused while the user owns live keys,
 * which would go on working for someone who is gone.
 */
public final class DeleteUserService implements DeleteUserUseCase {

  private final OwnerRepository owners;
  private final OwnerRemoval removal;
  private final Authorization authorization;
  private final Changes changes;

  DeleteUserService(
      OwnerRepository owners, OwnerRemoval removal, Authorization authorization, Changes changes) {
    this.owners = owners;
    this.removal = removal;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public void delete(Principal principal, UserId id) {
    authorization.requireScope(principal, DELETE_USERS, USER_DELETE, id.value());
    authorization.requireOperator(principal, USER_DELETE, id.value());
    Owner owner = new Owner.User(id);
    changes.make(
        principal,
        USER_DELETE,
        id.value(),
        Optional.of(owner),
        () -> {
          owners.findUser(id).orElseThrow(() -> Authorization.ownerNotFound(owner));
          removal.requireNoLiveKeys(owner);
          removal.withdrawGrants(owner);
          owners.deleteUser(id);
        });
  }
}
