package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;

/** Renames a key, disables or enables it, or sets its expiry, in one step. */
public interface UpdateApiKeyUseCase {

  ApiKey update(Principal principal, ApiKeyId keyId, UpdateApiKeyCommand command);
}
