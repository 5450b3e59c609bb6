package dev.keygate.adapter.persistence;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyKind;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.key.Usage;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.UsagePolicy;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** API keys with their secrets and scopes, to and from their entities. */
final class ApiKeyMapper {

  private ApiKeyMapper() {}

  static ApiKey toDomain(ApiKeyEntity entity) {
    Set<Scope> scopes =
        entity.scopes.stream().map(ApiMapper::toDomain).collect(Collectors.toUnmodifiableSet());
    List<KeySecret> secrets =
        entity.secrets.stream()
            .sorted(Comparator.comparingInt(secret -> secret.position))
            .map(ApiKeyMapper::toDomain)
            .toList();
    Usage usage =
        new Usage(
            Optional.ofNullable(entity.lastVerifiedOn),
            Optional.ofNullable(entity.lastVerifiedIp),
            entity.verificationCount);
    return new ApiKey(
        new ApiKeyId(entity.id),
        entity.name,
        OwnerMapper.owner(entity.ownerType, entity.ownerId),
        new ApiId(entity.apiId),
        scopes,
        ApiKeyStatus.valueOf(entity.status),
        entity.createdOn,
        entity.createdBy,
        Optional.ofNullable(entity.madeBy).map(ApiKeyId::new),
        ApiKeyKind.valueOf(entity.kind),
        Optional.ofNullable(entity.expiresOn),
        secrets,
        usage,
        Optional.ofNullable(entity.revokedOn),
        policy(entity),
        PolicyText.limits(entity.ownerRateLimits),
        entity.version);
  }

  /** The key's own policy: credits exactly when the ledger holds a count for the key. */
  private static UsagePolicy policy(ApiKeyEntity entity) {
    Optional<Credits> credits =
        Optional.ofNullable(entity.creditsRemaining)
            .map(remaining -> new Credits(remaining, PolicyText.refill(entity.creditRefill)));
    return new UsagePolicy(
        PolicyText.limits(entity.rateLimits), credits, PolicyText.allowlist(entity.ipAllowlist));
  }

  /**
   * Writes the key's state onto {@code entity}, new or loaded. Secrets are matched by lookup so
   * unchanged rows stay; dropped ones are removed as orphans. Usage, the credits left and the
   * owner's limits are never written here.
   *
   * @param storedScope the managed scope entity of a scope id
   */
  static void copy(ApiKey key, ApiKeyEntity entity, Function<ScopeId, ScopeEntity> storedScope) {
    entity.id = key.id().value();
    entity.name = key.name();
    entity.ownerType = key.owner().type().name();
    entity.ownerId = key.owner().id();
    entity.apiId = key.apiId().value();
    entity.status = key.status().name();
    entity.createdOn = key.createdOn();
    entity.createdBy = key.createdBy();
    entity.madeBy = key.madeBy().map(ApiKeyId::value).orElse(null);
    entity.kind = key.kind().name();
    entity.expiresOn = key.expiresOn().orElse(null);
    entity.revokedOn = key.revokedOn().orElse(null);
    UsagePolicy policy = key.policy();
    entity.rateLimits = PolicyText.limits(policy.rateLimits());
    entity.ipAllowlist = PolicyText.allowlist(policy.ipAllowlist());
    entity.creditRefill = PolicyText.refill(policy.credits().flatMap(Credits::refill));

    Map<String, KeySecretEntity> stored =
        entity.secrets.stream().collect(Collectors.toMap(s -> s.lookup, Function.identity()));
    List<KeySecretEntity> secrets = new ArrayList<>();
    for (int position = 0; position < key.secrets().size(); position++) {
      KeySecret secret = key.secrets().get(position);
      KeySecretEntity row = stored.getOrDefault(secret.lookup().value(), new KeySecretEntity());
      row.lookup = secret.lookup().value();
      row.apiKey = entity;
      row.position = position;
      row.prefix = secret.prefix().value();
      row.suffix = secret.suffix();
      row.hash = secret.hash();
      row.createdOn = secret.createdOn();
      row.expiresOn = secret.expiresOn().orElse(null);
      secrets.add(row);
    }
    entity.secrets.retainAll(secrets);
    for (KeySecretEntity row : secrets) {
      if (!entity.secrets.contains(row)) {
        entity.secrets.add(row);
      }
    }

    entity.scopes.clear();
    for (Scope scope : key.scopes()) {
      entity.scopes.add(storedScope.apply(scope.id()));
    }
  }

  private static KeySecret toDomain(KeySecretEntity entity) {
    return new KeySecret(
        new KeyPrefix(entity.prefix),
        new SecretLookup(entity.lookup),
        entity.suffix,
        entity.hash,
        entity.createdOn,
        Optional.<Instant>ofNullable(entity.expiresOn));
  }
}
