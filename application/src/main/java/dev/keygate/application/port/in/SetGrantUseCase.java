package dev.keygate.application.port.in;

import dev.keygate.domain.grant.Grant;

/**
 * Decides what one organization or user may hold of one API: the operator's alone. Keys already
 * issued keep their scopes.
 */
public interface SetGrantUseCase {

  Grant set(Principal principal, SetGrantCommand command);
}
