package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.API_KEY_UPDATE;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.in.UpdateApiKeyUseCase;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies a partial change to a key. Setting the status it already has changes nothing; revoking
 * goes through its own use case, since it cannot be undone.
 */
public final class UpdateApiKeyService implements UpdateApiKeyUseCase {

  private final KeyTransitions transitions;
  private final Clock clock;

  UpdateApiKeyService(KeyTransitions transitions, Clock clock) {
    this.transitions = transitions;
    this.clock = clock;
  }

  @Override
  public ApiKey update(Principal principal, ApiKeyId keyId, UpdateApiKeyCommand command) {
    Instant now = clock.instant();
    return transitions.apply(
        principal,
        keyId,
        UPDATE_API_KEYS,
        API_KEY_UPDATE,
        "change",
        key -> {
          if (command.status().filter(status -> status == ApiKeyStatus.REVOKED).isPresent()) {
            throw new ValidationException(
                "status can be set to active or inactive; a key is revoked by revoking it");
          }
          ApiKey changed = command.name().map(key::rename).orElse(key);
          if (command.expiresOn().isPresent()) {
            changed = changed.expireAt(command.expiresOn().get(), now);
          }
          ApiKeyStatus wanted = command.status().orElse(changed.status());
          if (wanted != changed.status()) {
            changed = wanted == ApiKeyStatus.ACTIVE ? changed.enable() : changed.disable();
          }
          return changed;
        });
  }
}
