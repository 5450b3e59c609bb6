package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;

/** Reads one key, usage included; never its secret. */
public interface GetApiKeyUseCase {

  ApiKey get(Principal principal, ApiKeyId keyId);
}
