package dev.keygate.application.port.in;

import dev.keygate.domain.owner.OrgCode;

/**
 * Deletes an organization with its grants. Refused while it owns keys that are live or applications
 * that act for it.
 */
public interface DeleteOrganizationUseCase {

  void delete(Principal principal, OrgCode code);
}
