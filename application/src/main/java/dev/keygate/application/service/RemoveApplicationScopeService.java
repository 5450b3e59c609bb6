package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_APPLICATIONS;
import static dev.keygate.domain.audit.AuditAction.APPLICATION_SCOPE_REMOVE;

import dev.keygate.application.port.in.ApplicationScopeCommand;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RemoveApplicationScopeUseCase;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import java.util.Optional;

/** Takes a scope away from an application within reach; taking away only shrinks. */
public final class RemoveApplicationScopeService implements RemoveApplicationScopeUseCase {

  private final ApplicationRepository applications;
  private final ApiLookup lookup;
  private final Applications reach;
  private final Authorization authorization;
  private final Changes changes;

  RemoveApplicationScopeService(
      ApplicationRepository applications,
      ApiLookup lookup,
      Applications reach,
      Authorization authorization,
      Changes changes) {
    this.applications = applications;
    this.lookup = lookup;
    this.reach = reach;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public void remove(Principal principal, ApplicationScopeCommand command) {
    String target = command.application().value();
    authorization.requireScope(principal, UPDATE_APPLICATIONS, APPLICATION_SCOPE_REMOVE, target);
    Application found = reach.reachable(principal, command.application(), APPLICATION_SCOPE_REMOVE);
    Scope scope = lookup.scope(command.apiId(), command.scopeId());
    if (!found.scopes().contains(scope)) {
      throw new NotFoundException(
          "application " + found.id() + " does not hold scope " + command.scopeId());
    }
    Application fewer = found.withoutScope(scope);
    changes.make(
        principal,
        APPLICATION_SCOPE_REMOVE,
        target,
        Optional.of(Applications.ownerOf(found)),
        () -> applications.update(fewer));
  }
}
