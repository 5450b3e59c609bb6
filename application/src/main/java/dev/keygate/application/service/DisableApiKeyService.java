package dev.keygate.application.service;

import dev.keygate.application.port.in.DisableApiKeyUseCase;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;

/** Disables an active key. */
public final class DisableApiKeyService implements DisableApiKeyUseCase {

  private final KeyTransitions transitions;

  DisableApiKeyService(KeyTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public ApiKey disable(Principal principal, ApiKeyId keyId) {
    return transitions.apply(
        principal,
        keyId,
        ManagementScope.UPDATE_API_KEYS,
        AuditAction.API_KEY_DISABLE,
        "disable",
        ApiKey::disable);
  }
}
