package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;

/** Lets a disabled key verify again. */
public interface EnableApiKeyUseCase {

  ApiKey enable(Principal principal, ApiKeyId keyId);
}
