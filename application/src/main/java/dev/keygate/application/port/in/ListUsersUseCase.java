package dev.keygate.application.port.in;

import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.owner.UserAccount;

/** Lists the users within the caller's reach. */
public interface ListUsersUseCase {

  Page<UserAccount> list(Principal principal, PageRequest page);
}
