package dev.keygate.application.port.in;

import dev.keygate.domain.api.Scope;

/** Changes a scope's description; the operator's alone. */
public interface UpdateScopeUseCase {

  Scope update(Principal principal, UpdateScopeCommand command);
}
