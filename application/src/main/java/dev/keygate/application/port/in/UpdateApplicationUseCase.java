package dev.keygate.application.port.in;

import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import java.util.Optional;

/** Renames an application; a change left out stays as it is. */
public interface UpdateApplicationUseCase {

  Application update(Principal principal, ApplicationId id, Optional<String> name);
}
