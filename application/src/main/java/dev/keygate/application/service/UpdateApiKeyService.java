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
import dev.keygate.domain.policy.UsagePolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Applies a partial change to a key. Setting the status it already has changes nothing; revoking
 * goes through its own use case, since it cannot be undone. A usage policy may be loosened only by
 * the operator, and never by the key itself; anyone who may change the key may tighten it.
 */
public final class UpdateApiKeyService implements UpdateApiKeyUseCase {

  private final KeyTransitions transitions;
  private final Authorization authorization;
  private final Metering metering;
  private final Clock clock;

  UpdateApiKeyService(
      KeyTransitions transitions, Authorization authorization, Metering metering, Clock clock) {
    this.transitions = transitions;
    this.authorization = authorization;
    this.metering = metering;
    this.clock = clock;
  }

  @Override
  public ApiKey update(Principal principal, ApiKeyId keyId, UpdateApiKeyCommand command) {
    Instant now = clock.instant();
    UnaryOperator<ApiKey> change =
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
          if (command.changesPolicy()) {
            UsagePolicy policy = policyAfter(key.policy(), command);
            if (!policy.isWithin(key.policy())) {
              authorization.requireMayLoosen(principal, key, API_KEY_UPDATE);
            }
            changed = changed.withPolicy(policy);
          }
          return changed;
        };
    if (command.credits().isEmpty() && !command.removeCredits()) {
      return transitions.apply(principal, keyId, UPDATE_API_KEYS, API_KEY_UPDATE, "change", change);
    }
    return transitions.apply(
        principal,
        keyId,
        UPDATE_API_KEYS,
        API_KEY_UPDATE,
        "change",
        change,
        // A tightening lowers the count atomically, whoever makes it: spent uses are never given
        // back. (Judged on the policy asked for: the stored key's credits are read after the unit.)
        (before, after) ->
            metering.change(
                before,
                after,
                command.credits(),
                policyAfter(before.policy(), command).isWithin(before.policy()),
                now));
  }

  private static UsagePolicy policyAfter(UsagePolicy policy, UpdateApiKeyCommand command) {
    UsagePolicy after = command.rateLimits().map(policy::withRateLimits).orElse(policy);
    if (command.credits().isPresent() || command.removeCredits()) {
      after = after.withCredits(command.credits());
    }
    return command.ipAllowlist().map(after::withIpAllowlist).orElse(after);
  }
}
