package dev.keygate.application.port.in;

import dev.keygate.domain.owner.UserAccount;

/** Creates a user that keys can be issued to; the operator's alone. */
public interface CreateUserUseCase {

  UserAccount create(Principal principal, CreateUserCommand command);
}
