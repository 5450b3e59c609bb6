package dev.keygate.application.port.in;

import dev.keygate.domain.owner.Organization;

/** Creates an organization that keys can be issued to; the operator's alone. */
public interface CreateOrganizationUseCase {

  Organization create(Principal principal, CreateOrganizationCommand command);
}
