package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_USERS;
import static dev.keygate.domain.audit.AuditAction.USER_READ;

import dev.keygate.application.port.in.GetUserUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;

/**
 * Reads a user: any for the operator, only themselves for a user; what the list of users shows the
 * caller, one at a time.
 */
public final class GetUserService implements GetUserUseCase {

  private final OwnerRepository owners;
  private final Authorization authorization;

  GetUserService(OwnerRepository owners, Authorization authorization) {
    this.owners = owners;
    this.authorization = authorization;
  }

  @Override
  public UserAccount get(Principal principal, UserId id) {
    authorization.requireScope(principal, READ_USERS, USER_READ, "users");
    Owner owner = new Owner.User(id);
    authorization.requireReach(principal, owner, USER_READ);
    return owners.findUser(id).orElseThrow(() -> Authorization.ownerNotFound(owner));
  }
}
