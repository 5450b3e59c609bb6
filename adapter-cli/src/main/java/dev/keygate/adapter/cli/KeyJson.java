package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON documents of API keys, with the REST API's field names and codes. */
final class KeyJson {

  private KeyJson() {}

  /** {@code {id, key}}: the only place a token is ever written. */
  record IssuedKey(String id, String key) {}

  /** {@code keys create}: {@code {message, code, api_key:{id, key}}}. */
  record Created(String message, String code, IssuedKey apiKey) {}

  /** {@code keys rotate}: {@code {code, message, api_key:{id, key}}}. */
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

  /** {@code keys list}. */
  record Listed(String code, String message, boolean hasMore, List<Summary> apiKeys) {}

  /** {@code keys show}, {@code keys disable}, {@code keys enable}. */
  record One(String code, String message, Details apiKey) {}

  /** {@code keys verify}; the key's fields only once the secret matched. */
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

  static Created created(IssuedApiKey issued) {
    return new Created("API key created", "API_KEY_CREATED", issuedKey(issued));
  }

  static Rotated rotated(IssuedApiKey issued) {
    return new Rotated("API_KEY_ROTATED", "API key rotated successfully", issuedKey(issued));
  }

  static Listed listed(Page<ApiKey> page) {
    return new Listed(
        "OK", "Success", page.hasMore(), page.items().stream().map(KeyJson::summary).toList());
  }

  static One one(String message, ApiKey key) {
    return new One("OK", message, details(key));
  }

  static Verified verified(Verification verification) {
    Optional<ApiKey> key = verification.key();
    return new Verified(
        verification.outcome().name(),
        verification.outcome().message(),
        verification.isValid(),
        key.map(k -> k.id().value()),
        key.map(k -> k.status().wireName()),
        key.map(KeyJson::scopeKeys),
        key.flatMap(k -> orgCode(k.owner())),
        key.flatMap(k -> userId(k.owner())),
        key.flatMap(k -> k.usage().lastVerifiedOn()),
        key.map(k -> k.usage().verificationCount()));
  }

  private static IssuedKey issuedKey(IssuedApiKey issued) {
    return new IssuedKey(issued.key().id().value(), issued.token().reveal());
  }

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
        // Kinde's own name for the same code, as the REST API writes it too.
        orgCode(key.owner()),
        userId(key.owner()),
        key.expiresOn(),
        key.revokedOn());
  }

  static List<String> scopeKeys(ApiKey key) {
    return key.scopes().stream().map(Scope::key).sorted().toList();
  }

  private static Optional<String> orgCode(Owner owner) {
    return owner instanceof Owner.Org org ? Optional.of(org.code().value()) : Optional.empty();
  }

  private static Optional<String> userId(Owner owner) {
    return owner instanceof Owner.User user ? Optional.of(user.userId().value()) : Optional.empty();
  }
}
