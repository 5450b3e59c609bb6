package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_USERS;
import static dev.keygate.domain.audit.AuditAction.USER_UPDATE;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateUserCommand;
import dev.keygate.application.port.in.UpdateUserUseCase;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import java.util.Optional;

/** Renames a user: any for the operator, only themselves for a user. */
public final class UpdateUserService implements UpdateUserUseCase {

  private final OwnerRepository owners;
  private final Authorization authorization;
  private final Changes changes;

  UpdateUserService(OwnerRepository owners, Authorization authorization, Changes changes) {
    this.owners = owners;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public UserAccount update(Principal principal, UserId id, UpdateUserCommand command) {
    authorization.requireScope(principal, UPDATE_USERS, USER_UPDATE, id.value());
    Owner owner = new Owner.User(id);
    authorization.requireReach(principal, owner, USER_UPDATE);
    UserAccount found = owners.findUser(id).orElseThrow(() -> Authorization.ownerNotFound(owner));
    if (command.isEmpty()) {
      return found;
    }
    UserAccount renamed =
        command
            .name()
            .map(found::renamed)
            .orElseGet(() -> found.renamed(command.givenName(), command.familyName()));
    changes.make(
        principal, USER_UPDATE, id.value(), Optional.of(owner), () -> owners.updateUser(renamed));
    return renamed;
  }
}
