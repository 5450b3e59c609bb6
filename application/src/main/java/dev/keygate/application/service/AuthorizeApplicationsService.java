package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_APPLICATIONS;
import static dev.keygate.domain.audit.AuditAction.APPLICATION_AUTHORIZE;

import dev.keygate.application.port.in.AuthorizeApplicationsCommand;
import dev.keygate.application.port.in.AuthorizeApplicationsUseCase;
import dev.keygate.application.port.in.AuthorizedApplications;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Authorizes applications for an API, or withdraws it (with the scopes they held there), all in one
 * unit: every application is checked before anything changes.
 */
public final class AuthorizeApplicationsService implements AuthorizeApplicationsUseCase {

  private final ApplicationRepository applications;
  private final ApiLookup lookup;
  private final Applications reach;
  private final Authorization authorization;
  private final Changes changes;

  AuthorizeApplicationsService(
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
  public AuthorizedApplications authorize(
      Principal principal, AuthorizeApplicationsCommand command) {
    String target = command.apiId().value();
    authorization.requireScope(principal, UPDATE_APPLICATIONS, APPLICATION_AUTHORIZE, target);
    Api api = lookup.api(command.apiId());
    List<Application> changed = new ArrayList<>();
    List<ApplicationId> connected = new ArrayList<>();
    List<ApplicationId> disconnected = new ArrayList<>();
    for (AuthorizeApplicationsCommand.Change change : command.changes()) {
      Application found = reach.reachable(principal, change.application(), APPLICATION_AUTHORIZE);
      if (change.withdraw()) {
        changed.add(found.deauthorizedFor(api.id()));
        disconnected.add(found.id());
      } else {
        Application authorized = found.authorizedFor(api.id());
        reach.requireWithin(
            principal,
            authorized,
            APPLICATION_AUTHORIZE,
            "cannot authorize application " + found.id() + " for api " + api.id());
        changed.add(authorized);
        connected.add(found.id());
      }
    }
    changes.together(
        () -> {
          for (Application application : changed) {
            changes.make(
                principal,
                APPLICATION_AUTHORIZE,
                application.id().value(),
                Optional.of(Applications.ownerOf(application)),
                () -> applications.update(application));
          }
          return null;
        });
    return new AuthorizedApplications(connected, disconnected);
  }
}
