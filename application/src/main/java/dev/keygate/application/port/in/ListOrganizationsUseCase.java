package dev.keygate.application.port.in;

import dev.keygate.application.port.out.Page;
import dev.keygate.application.port.out.PageRequest;
import dev.keygate.domain.owner.Organization;

/** Lists the organizations within the caller's reach. */
public interface ListOrganizationsUseCase {

  Page<Organization> list(Principal principal, PageRequest page);
}
