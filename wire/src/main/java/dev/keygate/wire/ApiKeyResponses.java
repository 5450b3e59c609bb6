package dev.keygate.wire;

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

/**
 * The JSON of API keys. Kinde's answers are exactly what Kinde's published specification declares
 * for the operation; where Keygate knows more, the rich record carries it and {@code kinde()} gives
 * the declared subset (the {@code Kinde…} records).
 */
public final class ApiKeyResponses {

  private ApiKeyResponses() {}

  /** {@code {id, key}}: the only place a token is ever written. */
  public record IssuedKey(String id, String key) {}

  /** A key created: {@code {message, code, api_key:{id, key}}}. */
  public record Created(String message, String code, IssuedKey apiKey) {}

  /** A key rotated: {@code {code, message, api_key:{id, key}}}. */
  public record Rotated(String code, String message, IssuedKey apiKey) {}

  /** A key in a list. */
  public record Summary(
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

  /**
   * One key in full: Kinde's fields, then Keygate's {@code org_code}, expiry, revocation and usage
   * policy.
   *
   * @param previousSecretExpiresOn until when the secret a rotation replaced still verifies; absent
   *     when none does any more
   * @param ownerName the name of the organization or user owning the key, where it was read with
   *     the key (one key read, not a list)
   * @param credits present when the key is metered
   * @param ipAllowlist the networks the key may be used from, in CIDR notation; empty for anywhere
   * @param ownerRateLimits the limits all keys of the key's owner share
   */
  public record Details(
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
      Optional<Instant> revokedOn,
      Optional<Instant> previousSecretExpiresOn,
      Optional<String> ownerName,
      List<PolicyResponses.RateLimitView> rateLimits,
      Optional<PolicyResponses.CreditsView> credits,
      List<String> ipAllowlist,
      List<PolicyResponses.RateLimitView> ownerRateLimits) {

    /** Only the fields of Kinde's {@code get_api_key_response}. */
    public KindeDetails kinde() {
      return new KindeDetails(
          id,
          name,
          type,
          status,
          keyPrefix,
          keySuffix,
          createdOn,
          lastVerifiedOn,
          lastVerifiedIp,
          createdBy,
          apiIds,
          scopes,
          verificationCount,
          organizationId,
          userId);
    }
  }

  /**
   * One key as Kinde's {@code get_api_key_response} declares it.
   *
   * @param organizationId the owning organization's code, under Kinde's name for it
   */
  public record KindeDetails(
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
      Optional<String> organizationId,
      Optional<String> userId) {}

  /** A page of keys, as Kinde's {@code get_api_keys_response} declares it. */
  public record Listed(String code, String message, boolean hasMore, List<Summary> apiKeys) {}

  /** A page of keys in full, each with its usage policy. */
  public record ListedDetails(String code, String message, boolean hasMore, List<Details> apiKeys) {

    /** Kinde's {@code get_api_keys_response}. */
    public Listed kinde() {
      return new Listed(
          code, message, hasMore, apiKeys.stream().map(ApiKeyResponses::summaryOf).toList());
    }
  }

  /** One key, read or changed. */
  public record One(String code, String message, Details apiKey) {

    /** Kinde's {@code get_api_key_response}. */
    public KindeOne kinde() {
      return new KindeOne(code, message, apiKey.kinde());
    }
  }

  /** One key as Kinde's {@code get_api_key_response} declares it. */
  public record KindeOne(String code, String message, KindeDetails apiKey) {}

  /**
   * A verification; the key's fields only once the secret matched, then Keygate's.
   *
   * @param rateLimit the key's rate limit with the fewest uses left, or the one that refused it
   * @param creditsRemaining what a metered key has left after this verification
   */
  public record Verified(
      String code,
      String message,
      boolean isValid,
      Optional<String> keyId,
      Optional<String> status,
      Optional<List<String>> scopes,
      Optional<String> orgCode,
      Optional<String> userId,
      Optional<Instant> lastVerifiedOn,
      Optional<Long> verificationCount,
      Optional<PolicyResponses.RateLimitStatusView> rateLimit,
      Optional<Long> creditsRemaining) {

    /** Only the fields of Kinde's {@code verify_api_key_response}. */
    public KindeVerified kinde() {
      return new KindeVerified(
          code,
          message,
          isValid,
          keyId,
          status,
          scopes,
          orgCode,
          userId,
          lastVerifiedOn,
          verificationCount);
    }
  }

  /** A verification as Kinde's {@code verify_api_key_response} declares it. */
  public record KindeVerified(
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

  public static Created created(IssuedApiKey issued) {
    return new Created("API key created", "API_KEY_CREATED", issuedKey(issued));
  }

  public static Rotated rotated(IssuedApiKey issued) {
    return new Rotated("API_KEY_ROTATED", "API key rotated successfully", issuedKey(issued));
  }

  public static Listed listed(Page<ApiKey> page) {
    return new Listed(
        "OK",
        "Success",
        page.hasMore(),
        page.items().stream().map(ApiKeyResponses::summary).toList());
  }

  /**
   * @param message {@code Success} for a read, {@code API key updated} for a change
   */
  public static One one(String message, ApiKey key) {
    return one(message, key, Instant.now(), Optional.empty());
  }

  /**
   * One key as it is at {@code now}, with its owner's name where it was read.
   *
   * @param message {@code Success} for a read, {@code API key updated} for a change
   */
  public static One one(String message, ApiKey key, Instant now, Optional<String> ownerName) {
    return new One("OK", message, details(key, now, ownerName));
  }

  public static Verified verified(Verification verification) {
    Optional<ApiKey> key = verification.key();
    return new Verified(
        verification.outcome().name(),
        verification.outcome().message(),
        verification.isValid(),
        key.map(k -> k.id().value()),
        key.map(k -> WireNames.of(k.status())),
        key.map(ApiKeyResponses::scopeKeys),
        key.flatMap(k -> orgCode(k.owner())),
        key.flatMap(k -> userId(k.owner())),
        key.flatMap(k -> k.usage().lastVerifiedOn()),
        key.map(k -> k.usage().verificationCount()),
        verification.rateLimit().map(PolicyResponses::rateLimitStatus),
        verification.creditsRemaining());
  }

  /** A page of keys in full, each with its usage policy: the extended list, as of now. */
  public static ListedDetails listedDetails(Page<ApiKey> page) {
    return listedDetails(page, Instant.now());
  }

  /** A page of keys in full, each with its usage policy: the extended list, as at {@code now}. */
  public static ListedDetails listedDetails(Page<ApiKey> page, Instant now) {
    return new ListedDetails(
        "OK",
        "Success",
        page.hasMore(),
        page.items().stream().map(key -> details(key, now, Optional.empty())).toList());
  }

  public static Summary summary(ApiKey key) {
    KeySecret current = key.currentSecret();
    return new Summary(
        key.id().value(),
        key.name(),
        WireNames.of(key.owner().type()),
        WireNames.of(key.status()),
        current.displayPrefix(),
        current.suffix(),
        key.createdOn(),
        key.usage().lastVerifiedOn(),
        key.usage().lastVerifiedIp(),
        key.createdBy(),
        List.of(key.apiId().value()),
        scopeKeys(key));
  }

  public static Details details(ApiKey key) {
    return details(key, Instant.now(), Optional.empty());
  }

  /**
   * One key in full as it is at {@code now}, which tells whether a rotation's grace still runs.
   *
   * @param ownerName the owner's name, where it was read with the key
   */
  public static Details details(ApiKey key, Instant now, Optional<String> ownerName) {
    Summary summary = summary(key);
    return new Details(
        summary.id(),
        summary.name(),
        summary.type(),
        summary.status(),
        summary.keyPrefix(),
        summary.keySuffix(),
        summary.createdOn(),
        summary.lastVerifiedOn(),
        summary.lastVerifiedIp(),
        summary.createdBy(),
        summary.apiIds(),
        summary.scopes(),
        key.usage().verificationCount(),
        orgCode(key.owner()),
        // Kinde's own name for the same code, so Kinde's clients find it too.
        orgCode(key.owner()),
        userId(key.owner()),
        key.expiresOn(),
        key.revokedOn(),
        key.previousSecretExpiresOn(now),
        ownerName,
        PolicyResponses.rateLimits(key.policy().rateLimits()),
        key.policy().credits().map(PolicyResponses::credits),
        key.policy().ipAllowlist().texts(),
        PolicyResponses.rateLimits(key.ownerLimits()));
  }

  private static Summary summaryOf(Details details) {
    return new Summary(
        details.id(),
        details.name(),
        details.type(),
        details.status(),
        details.keyPrefix(),
        details.keySuffix(),
        details.createdOn(),
        details.lastVerifiedOn(),
        details.lastVerifiedIp(),
        details.createdBy(),
        details.apiIds(),
        details.scopes());
  }

  private static IssuedKey issuedKey(IssuedApiKey issued) {
    return new IssuedKey(issued.key().id().value(), issued.token().reveal());
  }

  /** The keys of the key's scopes, sorted. */
  private static List<String> scopeKeys(ApiKey key) {
    return key.scopes().stream().map(Scope::key).sorted().toList();
  }

  private static Optional<String> orgCode(Owner owner) {
    return owner instanceof Owner.Org org ? Optional.of(org.code().value()) : Optional.empty();
  }

  private static Optional<String> userId(Owner owner) {
    return owner instanceof Owner.User user ? Optional.of(user.userId().value()) : Optional.empty();
  }
}
