package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.API_KEY_READ;

import dev.keygate.application.port.in.GetApiKeyUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;

/** Reads one key within the caller's reach. */
public final class GetApiKeyService implements GetApiKeyUseCase {

  private final ApiKeyRepository apiKeys;
  private final Authorization authorization;

  GetApiKeyService(ApiKeyRepository apiKeys, Authorization authorization) {
    this.apiKeys = apiKeys;
    this.authorization = authorization;
  }

  @Override
  public ApiKey get(Principal principal, ApiKeyId keyId) {
    authorization.requireScope(principal, READ_API_KEYS, API_KEY_READ, keyId.value());
    return authorization.reachableKey(principal, apiKeys.findById(keyId), keyId, API_KEY_READ);
  }
}
