package dev.keygate.application.service;

import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.UnitOfWork;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.token.SecretLookup;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The one way a stored key changes: authorize, load within reach, transition, hold the result to
 * the caller's authority, then store it under the version read together with its audit event in one
 * unit of work, and forget what this node remembered of the key. Disabling, enabling, revoking,
 * changing, rotating, re-hashing and upgrading a key all go through here. (Deleting a scope
 * withdraws it from every key that holds it in one statement, {@code
 * ApiKeyRepository.withdrawScope}, which moves each key's version on as a change here does.)
 */
final class KeyTransitions {

  private final ApiKeyRepository apiKeys;
  private final VerifiedSecretCache verifiedSecrets;
  private final KeyStates keyStates;
  private final Authorization authorization;
  private final Changes changes;
  private final UnitOfWork unitOfWork;
  private final KeyEvents events;

  KeyTransitions(
      ApiKeyRepository apiKeys,
      VerifiedSecretCache verifiedSecrets,
      KeyStates keyStates,
      Authorization authorization,
      Changes changes,
      UnitOfWork unitOfWork,
      KeyEvents events) {
    this.apiKeys = apiKeys;
    this.verifiedSecrets = verifiedSecrets;
    this.keyStates = keyStates;
    this.authorization = authorization;
    this.changes = changes;
    this.unitOfWork = unitOfWork;
    this.events = events;
  }

  /**
   * A caller's change of a key.
   *
   * @param verb what the change does, such as {@code enable}, for the reason of a refusal
   * @param transition the change; it may refuse, and may do costly work (a rotation hashes its new
   *     secret) before any transaction begins
   */
  ApiKey apply(
      Principal principal,
      ApiKeyId keyId,
      ManagementScope scope,
      AuditAction action,
      String verb,
      UnaryOperator<ApiKey> transition) {
    return apply(principal, keyId, scope, action, verb, transition, Optional.empty());
  }

  /**
   * {@link #apply} with {@code alsoInUnit} done in the same unit as the change, told the key before
   * and after it; the key is answered as stored once the unit committed.
   */
  ApiKey apply(
      Principal principal,
      ApiKeyId keyId,
      ManagementScope scope,
      AuditAction action,
      String verb,
      UnaryOperator<ApiKey> transition,
      BiConsumer<ApiKey, ApiKey> alsoInUnit) {
    apply(principal, keyId, scope, action, verb, transition, Optional.of(alsoInUnit));
    // What was done beside the key, such as setting its credits, is read back with it.
    return apiKeys.findById(keyId).orElseThrow();
  }

  private ApiKey apply(
      Principal principal,
      ApiKeyId keyId,
      ManagementScope scope,
      AuditAction action,
      String verb,
      UnaryOperator<ApiKey> transition,
      Optional<BiConsumer<ApiKey, ApiKey>> alsoInUnit) {
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
    return store(
        principal,
        action,
        Optional.of(key),
        changed,
        after -> alsoInUnit.ifPresent(also -> also.accept(key, after)));
  }

  /**
   * Stores {@code changed}, read at its version, with the audit event of {@code action} and the
   * key's lifecycle event, if the action makes one, in one unit; then this node forgets what it
   * remembered of the key.
   */
  ApiKey store(Principal principal, AuditAction action, ApiKey changed) {
    return store(principal, action, Optional.empty(), changed, stored -> {});
  }

  private ApiKey store(
      Principal principal,
      AuditAction action,
      Optional<ApiKey> before,
      ApiKey changed,
      Consumer<ApiKey> alsoInUnit) {
    ApiKey stored =
        changes.make(
            principal,
            action,
            changed.id().value(),
            made -> Optional.of(made.owner()),
            () -> {
              ApiKey updated = apiKeys.update(changed);
              events.changed(action, before, updated, principal.actor());
              alsoInUnit.accept(updated);
              return updated;
            });
    verifiedSecrets.forget(stored.id());
    keyStates.forget(stored.id());
    return stored;
  }

  /**
   * The key with its secret {@code lookup} hashed again under raised parameters: Keygate's own
   * upkeep at a verification, not a caller's change, so it has no event of its own.
   */
  ApiKey rehash(ApiKey key, SecretLookup lookup, String newHash) {
    return unitOfWork.inTransaction(() -> apiKeys.update(key.rehash(lookup, newHash)));
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
