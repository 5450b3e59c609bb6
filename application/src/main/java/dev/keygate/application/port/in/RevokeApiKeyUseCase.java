package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;

/** Revokes a key for good; its record stays for the audit trail. */
public interface RevokeApiKeyUseCase {

  ApiKey revoke(Principal principal, ApiKeyId keyId);
}
