package dev.keygate.application.service;

import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one way a key changes state: authorize, load within reach, transition, hold the result to the
 * caller's authority, store under the version read, forget cached verifications, audit.
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

  /**
   * @param verb what the change does, such as {@code enable}, for the reason of a refusal
   */
  ApiKey apply(
      Principal principal,
      ApiKeyId keyId,
      ManagementScope scope,
      AuditAction action,
      String verb,
      UnaryOperator<ApiKey> transition) {
    authorization.requireScope(principal, scope, action, keyId.value());
    ApiKey key = authorization.reachableKey(principal, apiKeys.findById(keyId), keyId, action);
    ApiKey changed = transition.apply(key);
    boolean revoked = changed.status() == ApiKeyStatus.REVOKED;
    if (!revoked
        && (changed.status() != key.status() || !changed.expiresOn().equals(key.expiresOn()))) {
      authorization.requireNotItself(principal, key, action);
    }
    if (isRestored(key, changed) || isProlonged(key, changed)) {
      authorization.requireWithin(
          principal, changed, action, "cannot " + verb + " api key " + keyId);
    }
    ApiKey stored = apiKeys.update(changed);
    verifiedSecrets.forget(keyId);
    keyStates.forget(keyId);
    trail.succeeded(principal, action, keyId.value(), Optional.of(stored.owner()));
    return stored;
  }

  /** Enabled again: whatever the key opens, it opens again. */
  private static boolean isRestored(ApiKey before, ApiKey after) {
    return after.status() == ApiKeyStatus.ACTIVE && before.status() != ApiKeyStatus.ACTIVE;
  }

  /** Given a later expiry than it had; an earlier one only shrinks it. */
  private static boolean isProlonged(ApiKey before, ApiKey after) {
    return after.expiresOn().isPresent()
        && before.expiresOn().isPresent()
        && after.expiresOn().get().isAfter(before.expiresOn().get());
  }
}
