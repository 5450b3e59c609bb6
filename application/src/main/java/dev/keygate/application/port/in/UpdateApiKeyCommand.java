package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKeyStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Change a key's name, status (active or inactive) or expiry; empty fields stay as they are. */
public record UpdateApiKeyCommand(
    Optional<String> name, Optional<ApiKeyStatus> status, Optional<Instant> expiresOn) {

  public UpdateApiKeyCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(expiresOn, "expires on");
  }
}
