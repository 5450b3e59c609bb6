package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.DELETE_APPLICATIONS;
import static dev.keygate.domain.audit.AuditAction.APPLICATION_DELETE;

import dev.keygate.application.port.in.DeleteApplicationUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import java.util.Optional;

/** Deletes an application within reach; its tokens are refused at their next call. */
public final class DeleteApplicationService implements DeleteApplicationUseCase {

  private final ApplicationRepository applications;
  private final Applications reach;
  private final Authorization authorization;
  private final Changes changes;

  DeleteApplicationService(
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
  public void delete(Principal principal, ApplicationId id) {
    authorization.requireScope(principal, DELETE_APPLICATIONS, APPLICATION_DELETE, id.value());
    Application found = reach.reachable(principal, id, APPLICATION_DELETE);
    changes.make(
        principal,
        APPLICATION_DELETE,
        id.value(),
        Optional.of(Applications.ownerOf(found)),
        () -> applications.delete(id));
  }
}
