package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_API_SCOPES;
import static dev.keygate.domain.audit.AuditAction.SCOPE_READ;

import dev.keygate.application.port.in.GetScopeUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;

/** Reads one scope of an API. */
public final class GetScopeService implements GetScopeUseCase {

  private final ApiLookup lookup;
  private final Authorization authorization;

  GetScopeService(ApiLookup lookup, Authorization authorization) {
    this.lookup = lookup;
    this.authorization = authorization;
  }

  @Override
  public Scope get(Principal principal, ApiId apiId, ScopeId scopeId) {
    authorization.requireScope(principal, READ_API_SCOPES, SCOPE_READ, scopeId.value());
    return lookup.scope(apiId, scopeId);
  }
}
