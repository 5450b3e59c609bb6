package dev.keygate.application.port.in;

import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.owner.Organization;

/** Lists the organizations within the caller's reach. */
public interface ListOrganizationsUseCase {

  /** A page in {@code order}, continuing after a cursor of that order. */
  Page<Organization> list(Principal principal, ListOrder order, PageRequest page);

  /** A page in code order. */
  default Page<Organization> list(Principal principal, PageRequest page) {
    return list(principal, ListOrder.ID, page);
  }
}
