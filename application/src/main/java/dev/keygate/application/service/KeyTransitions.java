package dev.keygate.application.service;

import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one way a key changes state: authorize, load within reach, transition, store under the
 * version read, forget cached verifications, audit.
 */
final class KeyTransitions {

  private final ApiKeyRepository apiKeys;
  private final VerifiedSecretCache verifiedSecrets;
  private final KeyStates keyStates;
  private final Authorization authorization;
  private final AuditTrail trail;

  KeyTransitions(
      ApiKeyRepository apiKeys,
      VerifiedSecretCache verifiedSecrets,
      KeyStates keyStates,
      Authorization authorization,
      AuditTrail trail) {
    this.apiKeys = apiKeys;
    this.verifiedSecrets = verifiedSecrets;
    this.keyStates = keyStates;
    this.authorization = authorization;
    this.trail = trail;
  }

  ApiKey apply(
      Principal principal,
      ApiKeyId keyId,
      ManagementScope scope,
      AuditAction action,
      UnaryOperator<ApiKey> transition) {
    authorization.requireScope(principal, scope, action, keyId.value());
    ApiKey key = authorization.reachableKey(principal, apiKeys.findById(keyId), keyId, action);
    ApiKey changed = apiKeys.update(transition.apply(key));
    verifiedSecrets.forget(keyId);
    keyStates.forget(keyId);
    trail.succeeded(principal, action, keyId.value(), Optional.of(changed.owner()));
    return changed;
  }
}
