package dev.keygate.application.port.in;

import dev.keygate.domain.owner.User;

/** Creates a user that keys can be issued to; the operator's alone. */
public interface CreateUserUseCase {

  User create(Principal principal, CreateUserCommand command);
}
