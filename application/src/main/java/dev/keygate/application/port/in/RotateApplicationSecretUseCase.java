package dev.keygate.application.port.in;

import dev.keygate.domain.application.ApplicationId;

/**
 * Gives an application a new client secret, shown once: the old secret and every token issued under
 * it stop working at once.
 */
public interface RotateApplicationSecretUseCase {

  CreatedApplication rotate(Principal principal, ApplicationId id);
}
