package dev.keygate.application.port.in;

import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;

/** Reads one application within the caller's reach. */
public interface GetApplicationUseCase {

  Application get(Principal principal, ApplicationId id);
}
