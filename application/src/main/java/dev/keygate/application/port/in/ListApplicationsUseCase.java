package dev.keygate.application.port.in;

import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.application.Application;
import java.util.List;

/** Lists the applications within the caller's reach, in id order. */
public interface ListApplicationsUseCase {

  List<Application> list(Principal principal);

  /** One page of them in {@code order}, continuing after a cursor of that order. */
  Page<Application> list(Principal principal, ListOrder order, PageRequest page);
}
