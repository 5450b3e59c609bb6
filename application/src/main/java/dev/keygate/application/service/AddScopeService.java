package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.CREATE_API_SCOPES;
import static dev.keygate.domain.audit.AuditAction.SCOPE_ADD;

import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.AddScopeUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.Checks;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import java.time.Clock;
import java.util.Optional;

/** Defines scopes on APIs; a scope key is unique within its API. */
public final class AddScopeService implements AddScopeUseCase {

  private final ApiRepository apis;
  private final ApiLookup lookup;
  private final Authorization authorization;
  private final Changes changes;
  private final Clock clock;

  AddScopeService(
      ApiRepository apis,
      ApiLookup lookup,
      Authorization authorization,
      Changes changes,
      Clock clock) {
    this.apis = apis;
    this.lookup = lookup;
    this.authorization = authorization;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public Scope add(Principal principal, AddScopeCommand command) {
    String target = Checks.required("api id", command.apiId()).value();
    authorization.requireScope(principal, CREATE_API_SCOPES, SCOPE_ADD, target);
    authorization.requireOperator(principal, SCOPE_ADD, target);
    Api api = lookup.userDefinedApi(command.apiId());
    Scope scope = Scope.define(api.id(), command.key(), command.description(), clock);
    if (apis.scopes(api.id()).stream().anyMatch(s -> s.key().equals(scope.key()))) {
      throw new ConflictException(
          "api " + api.id() + " already has a scope " + Echo.quote(scope.key()));
    }
    changes.make(
        principal, SCOPE_ADD, scope.id().value(), Optional.empty(), () -> apis.addScope(scope));
    return scope;
  }
}
