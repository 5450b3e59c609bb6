package dev.keygate.application.port.in;

import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import java.util.Optional;

/** Renames an organization within reach; a name left out leaves it as it is. */
public interface UpdateOrganizationUseCase {

  Organization update(Principal principal, OrgCode code, Optional<String> name);
}
