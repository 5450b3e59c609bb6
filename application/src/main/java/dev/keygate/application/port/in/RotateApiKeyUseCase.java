package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKeyId;
import java.time.Duration;

/** Gives a key a new secret; older secrets keep working for the grace (0 to 7 days). */
public interface RotateApiKeyUseCase {

  IssuedApiKey rotate(Principal principal, ApiKeyId keyId, Duration grace);
}
