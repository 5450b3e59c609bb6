package dev.keygate.application.service;

import dev.keygate.application.port.in.EnableApiKeyUseCase;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;

/** Enables a disabled key. */
public final class EnableApiKeyService implements EnableApiKeyUseCase {

  private final KeyTransitions transitions;

  EnableApiKeyService(KeyTransitions transitions) {
    this.transitions = transitions;
  }

  @Override
  public ApiKey enable(Principal principal, ApiKeyId keyId) {
    return transitions.apply(
        principal,
        keyId,
        ManagementScope.UPDATE_API_KEYS,
        AuditAction.API_KEY_ENABLE,
        "enable",
        ApiKey::enable);
  }
}
