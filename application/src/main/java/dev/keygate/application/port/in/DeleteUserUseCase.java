package dev.keygate.application.port.in;

import dev.keygate.domain.owner.UserId;

/** Deletes a user with their grants. Refused while they own keys that are live. */
public interface DeleteUserUseCase {

  void delete(Principal principal, UserId id);
}
