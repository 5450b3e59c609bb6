package dev.keygate.application.port.in;

import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;

/** Reads one user within the caller's reach. */
public interface GetUserUseCase {

  /**
   * @throws dev.keygate.domain.NotFoundException when the user does not exist or is out of reach,
   *     alike
   */
  UserAccount get(Principal principal, UserId id);
}
