package dev.keygate.application.service;

import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RevokeApiKeyUseCase;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import java.time.Clock;

/** Revokes a key for good. */
public final class RevokeApiKeyService implements RevokeApiKeyUseCase {

  private final KeyTransitions transitions;
  private final Clock clock;

  RevokeApiKeyService(KeyTransitions transitions, Clock clock) {
    this.transitions = transitions;
    this.clock = clock;
  }

  @Override
  public ApiKey revoke(Principal principal, ApiKeyId keyId) {
    return transitions.apply(
        principal,
        keyId,
        ManagementScope.DELETE_API_KEYS,
        AuditAction.API_KEY_REVOKE,
        "revoke",
        key -> key.revoke(clock.instant()));
  }
}
