package dev.keygate.application.port.in;

import dev.keygate.domain.application.ApplicationId;

/** Deletes an application: its tokens are refused from their next call on. */
public interface DeleteApplicationUseCase {

  void delete(Principal principal, ApplicationId id);
}
