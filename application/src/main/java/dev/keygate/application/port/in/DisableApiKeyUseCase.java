package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;

/** Stops an active key from verifying until it is enabled again. */
public interface DisableApiKeyUseCase {

  ApiKey disable(Principal principal, ApiKeyId keyId);
}
