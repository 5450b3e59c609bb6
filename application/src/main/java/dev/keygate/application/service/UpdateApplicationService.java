package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_APPLICATIONS;
import static dev.keygate.domain.audit.AuditAction.APPLICATION_UPDATE;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateApplicationUseCase;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import java.util.Optional;

/** Renames an application within reach. */
public final class UpdateApplicationService implements UpdateApplicationUseCase {

  private final ApplicationRepository applications;
  private final Applications reach;
  private final Authorization authorization;
  private final Changes changes;

  UpdateApplicationService(
      ApplicationRepository applications,
      Applications reach,
      Authorization authorization,
      Changes changes) {
    this.applications = applications;
    this.reach = reach;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public Application update(Principal principal, ApplicationId id, Optional<String> name) {
    authorization.requireScope(principal, UPDATE_APPLICATIONS, APPLICATION_UPDATE, id.value());
    Application found = reach.reachable(principal, id, APPLICATION_UPDATE);
    if (name.isEmpty()) {
      return found;
    }
    Application renamed = found.renamed(name.get());
    changes.make(
        principal,
        APPLICATION_UPDATE,
        id.value(),
        Optional.of(Applications.ownerOf(found)),
        () -> applications.update(renamed));
    return renamed;
  }
}
