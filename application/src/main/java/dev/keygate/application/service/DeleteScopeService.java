package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.DELETE_API_SCOPES;
import static dev.keygate.domain.audit.AuditAction.SCOPE_DELETE;

import dev.keygate.application.port.in.DeleteScopeUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import java.util.Optional;

/** Deletes a scope; keys that held it lose it, so they no longer pass checks that need it. */
public final class DeleteScopeService implements DeleteScopeUseCase {

  private final ApiRepository apis;
  private final ApiKeyRepository apiKeys;
  private final ApiLookup lookup;
  private final Authorization authorization;
  private final Changes changes;

  DeleteScopeService(
      ApiRepository apis,
      ApiKeyRepository apiKeys,
      ApiLookup lookup,
      Authorization authorization,
      Changes changes) {
    this.apis = apis;
    this.apiKeys = apiKeys;
    this.lookup = lookup;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public void delete(Principal principal, ApiId apiId, ScopeId scopeId) {
    authorization.requireScope(principal, DELETE_API_SCOPES, SCOPE_DELETE, scopeId.value());
    authorization.requireOperator(principal, SCOPE_DELETE, scopeId.value());
    lookup.userDefinedApi(apiId);
    Scope scope = lookup.scope(apiId, scopeId);
    // Withdrawn from every key and deleted as one: no key keeps a scope that is gone.
    changes.make(
        principal,
        SCOPE_DELETE,
        scopeId.value(),
        Optional.empty(),
        () -> {
          apiKeys.withdrawScope(scope.id());
          apis.deleteScope(scope.id());
        });
  }
}
