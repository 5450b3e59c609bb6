package dev.keygate.application.port.in;

import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.application.port.query.UserFilter;
import dev.keygate.domain.owner.UserAccount;

/** Lists the users within the caller's reach that pass a filter, in id order. */
public interface ListUsersUseCase {

  Page<UserAccount> list(Principal principal, UserFilter filter, PageRequest page);

  /** Every user within reach. */
  default Page<UserAccount> list(Principal principal, PageRequest page) {
    return list(principal, UserFilter.ALL, page);
  }
}
