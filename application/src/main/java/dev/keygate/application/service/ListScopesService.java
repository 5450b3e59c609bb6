package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_API_SCOPES;
import static dev.keygate.domain.audit.AuditAction.SCOPE_READ;

import dev.keygate.application.port.in.ListScopesUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import java.util.List;

/** Lists the scopes of an API. */
public final class ListScopesService implements ListScopesUseCase {

  private final ApiRepository apis;
  private final ApiLookup lookup;
  private final Authorization authorization;

  ListScopesService(ApiRepository apis, ApiLookup lookup, Authorization authorization) {
    this.apis = apis;
    this.lookup = lookup;
    this.authorization = authorization;
  }

  @Override
  public List<Scope> list(Principal principal, ApiId apiId) {
    authorization.requireScope(principal, READ_API_SCOPES, SCOPE_READ, apiId.value());
    return apis.scopes(lookup.api(apiId).id());
  }
}
