package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_APPLICATIONS;
import static dev.keygate.domain.audit.AuditAction.APPLICATION_READ;

import dev.keygate.application.port.in.GetApplicationUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;

/** Reads one application within reach. */
public final class GetApplicationService implements GetApplicationUseCase {

  private final Applications reach;
  private final Authorization authorization;

  GetApplicationService(Applications reach, Authorization authorization) {
    this.reach = reach;
    this.authorization = authorization;
  }

  @Override
  public Application get(Principal principal, ApplicationId id) {
    authorization.requireScope(principal, READ_APPLICATIONS, APPLICATION_READ, id.value());
    return reach.reachable(principal, id, APPLICATION_READ);
  }
}
