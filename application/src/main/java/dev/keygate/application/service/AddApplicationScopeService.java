package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_APPLICATIONS;
import static dev.keygate.domain.audit.AuditAction.APPLICATION_SCOPE_ADD;

import dev.keygate.application.port.in.AddApplicationScopeUseCase;
import dev.keygate.application.port.in.ApplicationScopeCommand;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import java.util.Optional;

/**
 * Grants an application a scope of an API it is authorized for: on the management API only a scope
 * the caller holds, elsewhere only what the operator granted the application's organization.
 */
public final class AddApplicationScopeService implements AddApplicationScopeUseCase {

  private final ApplicationRepository applications;
  private final ApiLookup lookup;
  private final Applications reach;
  private final Authorization authorization;
  private final Changes changes;

  AddApplicationScopeService(
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
  public void add(Principal principal, ApplicationScopeCommand command) {
    String target = command.application().value();
    authorization.requireScope(principal, UPDATE_APPLICATIONS, APPLICATION_SCOPE_ADD, target);
    Application found = reach.reachable(principal, command.application(), APPLICATION_SCOPE_ADD);
    lookup.api(command.apiId());
    Scope scope = lookup.scope(command.apiId(), command.scopeId());
    Application granted = found.granted(scope);
    reach.requireWithin(
        principal,
        granted,
        APPLICATION_SCOPE_ADD,
        "cannot grant scope " + scope.key() + " to application " + found.id());
    changes.make(
        principal,
        APPLICATION_SCOPE_ADD,
        target,
        Optional.of(Applications.ownerOf(found)),
        () -> applications.update(granted));
  }
}
