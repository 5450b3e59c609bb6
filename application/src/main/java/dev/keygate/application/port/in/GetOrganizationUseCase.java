package dev.keygate.application.port.in;

import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;

/** Reads one organization within the caller's reach. */
public interface GetOrganizationUseCase {

  /**
   * @throws dev.keygate.domain.NotFoundException when it does not exist or is out of reach, alike
   */
  Organization get(Principal principal, OrgCode code);
}
