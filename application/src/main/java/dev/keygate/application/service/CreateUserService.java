package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.CREATE_USERS;
import static dev.keygate.domain.audit.AuditAction.USER_CREATE;

import dev.keygate.application.port.in.CreateUserCommand;
import dev.keygate.application.port.in.CreateUserUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.Checks;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import java.time.Clock;
import java.util.Optional;

/** Creates users, with a given or a generated id. */
public final class CreateUserService implements CreateUserUseCase {

  private final OwnerRepository owners;
  private final OwnerRemoval removal;
  private final Authorization authorization;
  private final Changes changes;
  private final Clock clock;

  CreateUserService(
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
  public UserAccount create(Principal principal, CreateUserCommand command) {
    authorization.requireScope(principal, CREATE_USERS, USER_CREATE, "users");
    authorization.requireOperator(principal, USER_CREATE, "users");
    UserId id = Checks.required("user id", command.id()).orElseGet(() -> UserId.generate(clock));
    UserAccount user = new UserAccount(id, command.name(), command.email(), clock.instant());
    if (owners.findUser(id).isPresent()) {
      throw new ConflictException("user " + id + " already exists");
    }
    removal.requireNoKeysOnRecord(user.asOwner());
    changes.make(
        principal,
        USER_CREATE,
        id.value(),
        Optional.of(user.asOwner()),
        () -> owners.addUser(user));
    return user;
  }
}
