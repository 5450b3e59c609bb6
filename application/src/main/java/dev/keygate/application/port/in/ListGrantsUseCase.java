package dev.keygate.application.port.in;

import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.owner.Owner;
import java.util.List;

/** What an organization or user may hold, API by API: for the operator, or the owner itself. */
public interface ListGrantsUseCase {

  List<Grant> list(Principal principal, Owner owner);
}
