package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_API_SCOPES;
import static dev.keygate.domain.audit.AuditAction.SCOPE_UPDATE;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateScopeCommand;
import dev.keygate.application.port.in.UpdateScopeUseCase;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.Checks;
import dev.keygate.domain.api.Scope;
import java.util.Optional;

/** Changes the description of a scope. */
public final class UpdateScopeService implements UpdateScopeUseCase {

  private final ApiRepository apis;
  private final ApiLookup lookup;
  private final Authorization authorization;
  private final Changes changes;

  UpdateScopeService(
      ApiRepository apis, ApiLookup lookup, Authorization authorization, Changes changes) {
    this.apis = apis;
    this.lookup = lookup;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public Scope update(Principal principal, UpdateScopeCommand command) {
    String target = Checks.required("scope id", command.scopeId()).value();
    authorization.requireScope(principal, UPDATE_API_SCOPES, SCOPE_UPDATE, target);
    authorization.requireOperator(principal, SCOPE_UPDATE, target);
    lookup.userDefinedApi(command.apiId());
    Scope updated =
        lookup.scope(command.apiId(), command.scopeId()).describedAs(command.description());
    changes.make(
        principal, SCOPE_UPDATE, target, Optional.empty(), () -> apis.updateScope(updated));
    return updated;
  }
}
