package dev.keygate.application.port.in;

import dev.keygate.domain.application.Application;
import java.util.List;

/** Lists the applications within the caller's reach, in id order. */
public interface ListApplicationsUseCase {

  List<Application> list(Principal principal);
}
