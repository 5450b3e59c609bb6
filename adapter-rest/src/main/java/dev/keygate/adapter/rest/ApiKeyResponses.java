package dev.keygate.adapter.rest;

import dev.keygate.domain.api.Scope;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of API keys, as Kinde writes them. */
final class ApiKeyResponses {

  private ApiKeyResponses() {}

  /** {@code {id, key}}: the only place a token is ever written. */
  record IssuedKey(String id, String key) {}

  /** 201 on create: {@code {message, code, api_key:{id, key}}}. */
  record Created(String message, String code, IssuedKey apiKey) {}

  /** 201 on rotate: {@code {code, message, api_key:{id, key}}}. */
  record Rotated(String code, String message, IssuedKey apiKey) {}

  /** A key in a list. */
  record Summary(
      String id,
      String name,
      String type,
      String status,
      String keyPrefix,
      String keySuffix,
      Instant createdOn,
      Optional<Instant> lastVerifiedOn,
      Optional<String> lastVerifiedIp,
      String createdBy,
      List<String> apiIds,
      List<String> scopes) {}

  /** One key in full. */
  record Details(
      String id,
      String name,
      String type,
      String status,
      String keyPrefix,
      String keySuffix,
      Instant createdOn,
      Optional<Instant> lastVerifiedOn,
      Optional<String> lastVerifiedIp,
      String createdBy,
      List<String> apiIds,
      List<String> scopes,
      long verificationCount,
      Optional<String> orgCode,
      Optional<String> organizationId,
      Optional<String> userId,
      Optional<Instant> expiresOn,
      Optional<Instant> revokedOn) {}

  /** 200 on list. */
  record Listed(String code, String message, boolean hasMore, List<Summary> apiKeys) {}

  /** 200 on get and update. */
  record One(String code, String message, Details apiKey) {}

  /** 200 on verify; key fields only once the secret matched. */
  record Verified(
      String code,
      String message,
      boolean isValid,
      Optional<String> keyId,
      Optional<String> status,
      Optional<List<String>> scopes,
      Optional<String> orgCode,
      Optional<String> userId,
      Optional<Instant> lastVerifiedOn,
      Optional<Long> verificationCount) {}

  static Summary summary(ApiKey key) {
    KeySecret current = key.currentSecret();
    return new Summary(
        key.id().value(),
        key.name(),
        key.owner().type().wireName(),
        key.status().wireName(),
        current.displayPrefix(),
        current.suffix(),
        key.createdOn(),
        key.usage().lastVerifiedOn(),
        key.usage().lastVerifiedIp(),
        key.createdBy(),
        List.of(key.apiId().value()),
        scopeKeys(key));
  }

  static Details details(ApiKey key) {
    KeySecret current = key.currentSecret();
    return new Details(
        key.id().value(),
        key.name(),
        key.owner().type().wireName(),
        key.status().wireName(),
        current.displayPrefix(),
        current.suffix(),
        key.createdOn(),
        key.usage().lastVerifiedOn(),
        key.usage().lastVerifiedIp(),
        key.createdBy(),
        List.of(key.apiId().value()),
        scopeKeys(key),
        key.usage().verificationCount(),
        orgCode(key.owner()),
        // Kinde's own name for the same code, so Kinde's clients find it too.
        orgCode(key.owner()),
        userId(key.owner()),
        key.expiresOn(),
        key.revokedOn());
  }

  static Optional<String> orgCode(Owner owner) {
    return owner instanceof Owner.Org org ? Optional.of(org.code().value()) : Optional.empty();
  }

  static Optional<String> userId(Owner owner) {
    return owner instanceof Owner.User user ? Optional.of(user.userId().value()) : Optional.empty();
  }

  static List<String> scopeKeys(ApiKey key) {
    return key.scopes().stream().map(Scope::key).sorted().toList();
  }
}
