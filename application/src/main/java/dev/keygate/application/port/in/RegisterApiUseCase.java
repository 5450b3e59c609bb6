package dev.keygate.application.port.in;

import dev.keygate.domain.api.Api;

/** Registers an API; the operator's alone. */
public interface RegisterApiUseCase {

  Api register(Principal principal, RegisterApiCommand command);
}
