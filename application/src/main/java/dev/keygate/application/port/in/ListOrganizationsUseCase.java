package dev.keygate.application.port.in;

import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.owner.Organization;

/** Lists the organizations within the caller's reach. */
public interface ListOrganizationsUseCase {

  Page<Organization> list(Principal principal, PageRequest page);
}
