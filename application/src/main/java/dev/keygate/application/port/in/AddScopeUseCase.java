package dev.keygate.application.port.in;

import dev.keygate.domain.api.Scope;

/** Defines a scope on an API; the operator's alone. */
public interface AddScopeUseCase {

  Scope add(Principal principal, AddScopeCommand command);
}
