package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_APIS;
import static dev.keygate.domain.audit.AuditAction.API_READ;

import dev.keygate.application.port.in.ApiDetails;
import dev.keygate.application.port.in.GetApiUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;

/** Reads one API with its scopes. */
public final class GetApiService implements GetApiUseCase {

  private final ApiRepository apis;
  private final ApiLookup lookup;
  private final Authorization authorization;

  GetApiService(ApiRepository apis, ApiLookup lookup, Authorization authorization) {
    this.apis = apis;
    this.lookup = lookup;
    this.authorization = authorization;
  }

  @Override
  public ApiDetails get(Principal principal, ApiId apiId) {
    authorization.requireScope(principal, READ_APIS, API_READ, apiId.value());
    Api api = lookup.api(apiId);
    return new ApiDetails(api, apis.scopes(apiId));
  }
}
