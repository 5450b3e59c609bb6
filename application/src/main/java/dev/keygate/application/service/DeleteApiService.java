package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.DELETE_APIS;
import static dev.keygate.domain.audit.AuditAction.API_DELETE;

import dev.keygate.application.port.in.DeleteApiUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import java.util.Optional;

/**
 * Deletes an API with its scopes. Refused while any key, revoked ones included, was issued for it:
 * their records keep the audit trail readable.
 */
public final class DeleteApiService implements DeleteApiUseCase {

  private final ApiRepository apis;
  private final ApiKeyRepository apiKeys;
  private final ApiLookup lookup;
  private final Authorization authorization;
  private final Changes changes;

  DeleteApiService(
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
  public void delete(Principal principal, ApiId apiId) {
    authorization.requireScope(principal, DELETE_APIS, API_DELETE, apiId.value());
    authorization.requireOperator(principal, API_DELETE, apiId.value());
    Api api = lookup.api(apiId);
    if (api.isManagement()) {
      throw new ConflictException("the management api cannot be deleted");
    }
    long keys = apiKeys.countByApi(apiId);
    if (keys > 0) {
      throw new ConflictException(
          "api " + apiId + " has " + keys + " api keys and cannot be deleted while they exist");
    }
    changes.make(principal, API_DELETE, apiId.value(), Optional.empty(), () -> apis.delete(apiId));
  }
}
