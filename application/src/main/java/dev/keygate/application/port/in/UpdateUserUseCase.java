package dev.keygate.application.port.in;

import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;

/** Renames a user within reach. */
public interface UpdateUserUseCase {

  UserAccount update(Principal principal, UserId id, UpdateUserCommand command);
}
