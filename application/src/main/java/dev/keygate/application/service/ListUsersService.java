package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_USERS;
import static dev.keygate.domain.audit.AuditAction.USER_READ;

import dev.keygate.application.port.in.ListUsersUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.application.port.query.UserFilter;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import java.util.List;
import java.util.Optional;

/** Lists the users that pass a filter: all for the operator, only themselves for a user. */
public final class ListUsersService implements ListUsersUseCase {

  private final OwnerRepository owners;
  private final Authorization authorization;

  ListUsersService(OwnerRepository owners, Authorization authorization) {
    this.owners = owners;
    this.authorization = authorization;
  }

  @Override
  public Page<UserAccount> list(Principal principal, UserFilter filter, PageRequest page) {
    authorization.requireScope(principal, READ_USERS, USER_READ, "users");
    Optional<Owner> confinement = principal.confinement();
    if (confinement.isEmpty()) {
      return owners.listUsers(filter, page);
    }
    List<UserAccount> own =
        confinement
            .filter(Owner.User.class::isInstance)
            .flatMap(owner -> owners.findUser(((Owner.User) owner).userId()))
            .filter(filter::admits)
            .stream()
            .toList();
    return Page.of(own, user -> user.id().value(), page);
  }
}
