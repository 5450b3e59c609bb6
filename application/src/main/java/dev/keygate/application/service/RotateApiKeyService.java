package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.API_KEY_ROTATE;

import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RotateApiKeyUseCase;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Gives a key a new secret and sets its older secrets to expire after the grace. */
public final class RotateApiKeyService implements RotateApiKeyUseCase {

  private final ApiKeyRepository apiKeys;
  private final VerifiedSecretCache verifiedSecrets;
  private final KeyStates keyStates;
  private final KeyMint mint;
  private final Authorization authorization;
  private final AuditTrail trail;
  private final Clock clock;

  RotateApiKeyService(
      ApiKeyRepository apiKeys,
      VerifiedSecretCache verifiedSecrets,
      KeyStates keyStates,
      KeyMint mint,
      Authorization authorization,
      AuditTrail trail,
      Clock clock) {
    this.apiKeys = apiKeys;
    this.verifiedSecrets = verifiedSecrets;
    this.keyStates = keyStates;
    this.mint = mint;
    this.authorization = authorization;
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  public IssuedApiKey rotate(Principal principal, ApiKeyId keyId, Duration grace) {
    authorization.requireScope(principal, UPDATE_API_KEYS, API_KEY_ROTATE, keyId.value());
    ApiKey key =
        authorization.reachableKey(principal, apiKeys.findById(keyId), keyId, API_KEY_ROTATE);
    Instant now = clock.instant();
    key.checkRotatable(grace, now);
    // The new secret opens everything the key opens, so the caller must hold all of that itself.
    authorization.requireWithin(principal, key, API_KEY_ROTATE, "cannot rotate api key " + keyId);
    KeyMint.Minted minted = mint.mint(now);
    ApiKey rotated = apiKeys.update(key.rotate(minted.secret(), grace, now));
    verifiedSecrets.forget(keyId);
    keyStates.forget(keyId);
    trail.succeeded(principal, API_KEY_ROTATE, keyId.value(), Optional.of(rotated.owner()));
    return new IssuedApiKey(rotated, minted.token());
  }
}
