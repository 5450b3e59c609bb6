package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.owner.Owner;

/**
 * Takes an API away from what an organization or user may hold: the operator's alone. Keys already
 * issued keep their scopes; revoke them if they must stop.
 */
public interface RemoveGrantUseCase {

  void remove(Principal principal, Owner owner, ApiId apiId);
}
