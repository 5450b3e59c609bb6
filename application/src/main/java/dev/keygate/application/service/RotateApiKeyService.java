package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.API_KEY_ROTATE;

import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RotateApiKeyUseCase;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.token.PlaintextKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** Gives a key a new secret and sets its older secrets to expire after the grace. */
public final class RotateApiKeyService implements RotateApiKeyUseCase {

  private final KeyTransitions transitions;
  private final KeyMint mint;
  private final Authorization authorization;
  private final Clock clock;

  RotateApiKeyService(
      KeyTransitions transitions, KeyMint mint, Authorization authorization, Clock clock) {
    this.transitions = transitions;
    this.mint = mint;
    this.authorization = authorization;
    this.clock = clock;
  }

  @Override
  public IssuedApiKey rotate(Principal principal, ApiKeyId keyId, Duration grace) {
    Instant now = clock.instant();
    // The token leaves the transition beside the key it opens: only this answer ever shows it.
    AtomicReference<PlaintextKey> token = new AtomicReference<>();
    ApiKey rotated =
        transitions.apply(
            principal,
            keyId,
            UPDATE_API_KEYS,
            API_KEY_ROTATE,
            "rotate",
            key -> {
              key.checkRotatable(grace, now);
              // The new secret opens everything the key opens, so the caller must hold all of
              // that itself; checked before the new secret is hashed.
              authorization.requireWithin(
                  principal, key, API_KEY_ROTATE, "cannot rotate api key " + keyId);
              KeyMint.Minted minted = mint.mint(now);
              token.set(minted.token());
              return key.rotate(minted.secret(), grace, now);
            });
    return new IssuedApiKey(rotated, token.get());
  }
}
