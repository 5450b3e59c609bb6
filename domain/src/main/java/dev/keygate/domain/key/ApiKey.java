package dev.keygate.domain.key;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.UsagePolicy;
import dev.keygate.domain.token.SecretLookup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An API key: who owns it, which API and scopes it opens, its state and its secrets. Immutable;
 * every transition returns the new state or refuses with {@link IllegalKeyTransitionException}.
 *
 * @param createdBy how the audit trail names whoever created the key, such as {@code cli:alice}
 * @param madeBy the management key whose holder created this key, when one did: a management key
 *     made so works only while its maker does (the operator's own tools make keys with no maker)
 * @param kind whether the key is an ordinary one or a portal link's, which always expires
 * @param policy how the key may be used: its rate limits, credits and addresses
 * @param ownerLimits the rate limits its owner's keys share, as read with the key: set on the
 *     owner, never through the key
 * @param version the optimistic-locking version the key was read at; repositories bump it
 */
public record ApiKey(
    ApiKeyId id,
    String name,
    Owner owner,
    ApiId apiId,
    Set<Scope> scopes,
    ApiKeyStatus status,
    Instant createdOn,
    String createdBy,
    Optional<ApiKeyId> madeBy,
    ApiKeyKind kind,
    Optional<Instant> expiresOn,
    List<KeySecret> secrets,
    Usage usage,
    Optional<Instant> revokedOn,
    UsagePolicy policy,
    List<RateLimit> ownerLimits,
    long version) {

  public static final int MAX_NAME_LENGTH = 128;

  /** The longest grace a rotation may leave the previous secrets. */
  public static final Duration MAX_ROTATION_GRACE = Duration.ofDays(7);

  public ApiKey {
    Checks.required("api key id", id);
    name = Checks.name("api key name", name, MAX_NAME_LENGTH);
    Checks.required("api key owner", owner);
    Checks.required("api id", apiId);
    scopes = Scope.allOf(apiId, "api key scopes", scopes);
    Checks.required("api key status", status);
    Checks.required("api key creation time", createdOn);
    createdBy = Checks.name("api key creator", createdBy, 128);
    Checks.required("api key maker", madeBy);
    if (madeBy.isPresent() && madeBy.get().equals(id)) {
      throw new ValidationException("an api key cannot be its own maker");
    }
    Checks.required("api key kind", kind);
    Checks.required("api key expiry", expiresOn);
    if (kind == ApiKeyKind.PORTAL_LINK && expiresOn.isEmpty()) {
      throw new ValidationException("a portal link's api key must expire");
    }
    secrets = List.copyOf(Checks.required("api key secrets", secrets));
    if (secrets.isEmpty()) {
      throw new ValidationException("an api key needs at least one secret");
    }
    Checks.required("api key usage", usage);
    Checks.required("api key revocation time", revokedOn);
    if ((status == ApiKeyStatus.REVOKED) != revokedOn.isPresent()) {
      throw new ValidationException("a revocation time is recorded exactly for revoked api keys");
    }
    Checks.required("api key usage policy", policy);
    ownerLimits = UsagePolicy.checkedLimits(ownerLimits);
  }

  /**
   * A new, active key with one secret, used under no policy until {@link #withPolicy} gives it one.
   *
   * @param madeBy the management key of the caller creating it, if the caller presented one
   * @throws ValidationException if the name is bad, a scope is of another API, or the expiry is not
   *     in the future
   */
  public static ApiKey create(
      ApiKeyId id,
      String name,
      Owner owner,
      ApiId apiId,
      Set<Scope> scopes,
      KeySecret secret,
      String createdBy,
      Optional<ApiKeyId> madeBy,
      Optional<Instant> expiresOn,
      Instant now) {
    checkDraft(name, expiresOn, now);
    return new ApiKey(
        id,
        name,
        owner,
        apiId,
        scopes,
        ApiKeyStatus.ACTIVE,
        now,
        createdBy,
        madeBy,
        ApiKeyKind.STANDARD,
        expiresOn,
        List.of(secret),
        Usage.NONE,
        Optional.empty(),
        UsagePolicy.NONE,
        List.of(),
        0);
  }

  /**
   * A new, active key for one portal session: like {@link #create}, but of the portal-link kind,
   * which is never listed and is swept away once it has expired.
   *
   * @throws ValidationException as {@link #create} does
   */
  public static ApiKey createPortalLink(
      ApiKeyId id,
      String name,
      Owner owner,
      ApiId apiId,
      Set<Scope> scopes,
      KeySecret secret,
      String createdBy,
      Optional<ApiKeyId> madeBy,
      Instant expiresOn,
      Instant now) {
    ApiKey key =
        create(
            id, name, owner, apiId, scopes, secret, createdBy, madeBy, Optional.of(expiresOn), now);
    return new ApiKey(
        key.id,
        key.name,
        key.owner,
        key.apiId,
        key.scopes,
        key.status,
        key.createdOn,
        key.createdBy,
        key.madeBy,
        ApiKeyKind.PORTAL_LINK,
        key.expiresOn,
        key.secrets,
        key.usage,
        key.revokedOn,
        key.policy,
        key.ownerLimits,
        key.version);
  }

  /**
   * Checks what a caller chose for a new key before any costly work is done for it.
   *
   * @throws ValidationException if the name is bad or the expiry is not in the future
   */
  public static void checkDraft(String name, Optional<Instant> expiresOn, Instant now) {
    Checks.name("api key name", name, MAX_NAME_LENGTH);
    Checks.required("api key expiry", expiresOn);
    if (expiresOn.isPresent() && !expiresOn.get().isAfter(now)) {
      throw new ValidationException("api key expiry must be in the future");
    }
  }

  /** ACTIVE to INACTIVE: the key stops verifying until it is enabled again. */
  public ApiKey disable() {
    requireStatus(ApiKeyStatus.ACTIVE, "disabled");
    return withStatus(ApiKeyStatus.INACTIVE, Optional.empty());
  }

  /** INACTIVE to ACTIVE. */
  public ApiKey enable() {
    requireStatus(ApiKeyStatus.INACTIVE, "enabled");
    return withStatus(ApiKeyStatus.ACTIVE, Optional.empty());
  }

  /** ACTIVE or INACTIVE to REVOKED, for good. The record stays for the audit trail. */
  public ApiKey revoke(Instant now) {
    if (status == ApiKeyStatus.REVOKED) {
      throw new IllegalKeyTransitionException("api key " + id + " is already revoked");
    }
    return withStatus(ApiKeyStatus.REVOKED, Optional.of(now));
  }

  /**
   * Adds {@code newSecret}; every older secret expires at {@code now + grace} (at once for a zero
   * grace). Secrets already expired are dropped.
   *
   * @throws ValidationException if the grace is negative or longer than seven days
   * @throws IllegalKeyTransitionException if the key is revoked or expired
   */
  public ApiKey rotate(KeySecret newSecret, Duration grace, Instant now) {
    Checks.required("new secret", newSecret);
    checkRotatable(grace, now);
    Instant deadline = now.plus(grace);
    List<KeySecret> kept = new ArrayList<>();
    for (KeySecret secret : secrets) {
      KeySecret expiring = secret.expiringBy(deadline);
      if (!expiring.isExpiredAt(now)) {
        kept.add(expiring);
      }
    }
    kept.add(newSecret);
    return new ApiKey(
        id,
        name,
        owner,
        apiId,
        scopes,
        status,
        createdOn,
        createdBy,
        madeBy,
        kind,
        expiresOn,
        kept,
        usage,
        revokedOn,
        policy,
        ownerLimits,
        version);
  }

  /**
   * Checks that the key may be rotated with {@code grace} at {@code now}, before a new secret is
   * made for it.
   *
   * @throws ValidationException if the grace is negative or longer than seven days
   * @throws IllegalKeyTransitionException if the key is revoked or expired
   */
  public void checkRotatable(Duration grace, Instant now) {
    Checks.required("rotation grace", grace);
    if (grace.isNegative() || grace.compareTo(MAX_ROTATION_GRACE) > 0) {
      String was = grace.getNano() == 0 ? String.valueOf(grace.toSeconds()) : grace.toString();
      throw new ValidationException(
          "rotation grace must be 0-"
              + MAX_ROTATION_GRACE.toSeconds()
              + " seconds (7 days), was "
              + was);
    }
    if (status == ApiKeyStatus.REVOKED) {
      throw new IllegalKeyTransitionException(
          "api key " + id + " is revoked and cannot be rotated");
    }
    if (isExpiredAt(now)) {
      throw new IllegalKeyTransitionException(
          "api key " + id + " is expired and cannot be rotated");
    }
  }

  /**
   * The same key under another name.
   *
   * @throws IllegalKeyTransitionException if the key is revoked: a revoked key never changes
   */
  public ApiKey rename(String newName) {
    if (status == ApiKeyStatus.REVOKED) {
      throw new IllegalKeyTransitionException("api key " + id + " is revoked and cannot change");
    }
    return new ApiKey(
        id,
        newName,
        owner,
        apiId,
        scopes,
        status,
        createdOn,
        createdBy,
        madeBy,
        kind,
        expiresOn,
        secrets,
        usage,
        revokedOn,
        policy,
        ownerLimits,
        version);
  }

  /**
   * The same key expiring at {@code newExpiry}, which must lie in the future. A key that has
   * expired stays expired, as a revoked one stays revoked: reviving it would hand its old secrets a
   * new life.
   *
   * @throws IllegalKeyTransitionException if the key is revoked or has expired
   */
  public ApiKey expireAt(Instant newExpiry, Instant now) {
    Checks.required("api key expiry", newExpiry);
    if (status == ApiKeyStatus.REVOKED) {
      throw new IllegalKeyTransitionException("api key " + id + " is revoked and cannot change");
    }
    if (isExpiredAt(now)) {
      throw new IllegalKeyTransitionException(
          "api key " + id + " has expired and its expiry cannot change");
    }
    if (!newExpiry.isAfter(now)) {
      throw new ValidationException("api key expiry must be in the future");
    }
    return new ApiKey(
        id,
        name,
        owner,
        apiId,
        scopes,
        status,
        createdOn,
        createdBy,
        madeBy,
        kind,
        Optional.of(newExpiry),
        secrets,
        usage,
        revokedOn,
        policy,
        ownerLimits,
        version);
  }

  /**
   * The same key holding {@code newScopes} instead, all of its own API.
   *
   * @throws IllegalKeyTransitionException if the key is revoked
   */
  public ApiKey withScopes(Set<Scope> newScopes) {
    if (status == ApiKeyStatus.REVOKED) {
      throw new IllegalKeyTransitionException("api key " + id + " is revoked and cannot change");
    }
    return new ApiKey(
        id,
        name,
        owner,
        apiId,
        newScopes,
        status,
        createdOn,
        createdBy,
        madeBy,
        kind,
        expiresOn,
        secrets,
        usage,
        revokedOn,
        policy,
        ownerLimits,
        version);
  }

  /**
   * The same key used under {@code newPolicy}.
   *
   * @throws IllegalKeyTransitionException if the key is revoked
   */
  public ApiKey withPolicy(UsagePolicy newPolicy) {
    if (status == ApiKeyStatus.REVOKED) {
      throw new IllegalKeyTransitionException("api key " + id + " is revoked and cannot change");
    }
    return new ApiKey(
        id,
        name,
        owner,
        apiId,
        scopes,
        status,
        createdOn,
        createdBy,
        madeBy,
        kind,
        expiresOn,
        secrets,
        usage,
        revokedOn,
        newPolicy,
        ownerLimits,
        version);
  }

  /**
   * The same key with the secret {@code lookup} under a new hash of that secret.
   *
   * @throws IllegalArgumentException if the key has no secret with {@code lookup}
   */
  public ApiKey rehash(SecretLookup lookup, String newHash) {
    List<KeySecret> replaced = new ArrayList<>(secrets.size());
    boolean found = false;
    for (KeySecret secret : secrets) {
      boolean match = secret.lookup().equals(lookup);
      found |= match;
      replaced.add(match ? secret.rehashed(newHash) : secret);
    }
    if (!found) {
      throw new IllegalArgumentException("api key " + id + " has no secret " + lookup);
    }
    return new ApiKey(
        id,
        name,
        owner,
        apiId,
        scopes,
        status,
        createdOn,
        createdBy,
        madeBy,
        kind,
        expiresOn,
        replaced,
        usage,
        revokedOn,
        policy,
        ownerLimits,
        version);
  }

  /** Why a key opens a request, or does not. */
  public enum Verdict {
    /** The key opens the request. */
    OPENS,
    /** Disabled: it opens nothing until it is enabled. */
    INACTIVE,
    /** Revoked: it never opens anything again. */
    REVOKED,
    /** Past its expiry. */
    EXPIRED,
    /** A key of another API than the one asked for. */
    OTHER_API,
    /** It lacks a scope the request needs. */
    MISSING_SCOPE
  }

  /**
   * Whether this key, whose secret was matched, opens a request at {@code now} to {@code api} (any
   * API when empty) that needs {@code requiredScopes}: its status first, then its expiry, its API
   * and its scopes, the first that fails deciding.
   */
  public Verdict verdict(Instant now, Optional<ApiId> api, Set<String> requiredScopes) {
    if (status == ApiKeyStatus.INACTIVE) {
      return Verdict.INACTIVE;
    }
    if (status == ApiKeyStatus.REVOKED) {
      return Verdict.REVOKED;
    }
    if (isExpiredAt(now)) {
      return Verdict.EXPIRED;
    }
    if (api.isPresent() && !api.get().equals(apiId)) {
      return Verdict.OTHER_API;
    }
    if (!holdsScopes(requiredScopes)) {
      return Verdict.MISSING_SCOPE;
    }
    return Verdict.OPENS;
  }

  /** Whether the key opens anything at {@code now}: active and not expired. */
  public boolean isActiveAt(Instant now) {
    return status == ApiKeyStatus.ACTIVE && !isExpiredAt(now);
  }

  /** Whether the key itself has expired at {@code now}; its status says nothing of that. */
  public boolean isExpiredAt(Instant now) {
    return expiresOn.isPresent() && !now.isBefore(expiresOn.get());
  }

  /** The secret with {@code lookup}, if this key has it. */
  public Optional<KeySecret> secret(SecretLookup lookup) {
    // A loop rather than a stream: every verification asks.
    for (KeySecret secret : secrets) {
      if (secret.lookup().equals(lookup)) {
        return Optional.of(secret);
      }
    }
    return Optional.empty();
  }

  /**
   * Until when a secret older than the current one still verifies at {@code now}: the grace a
   * rotation left the previous secret. Empty when no older secret verifies any more, or when the
   * key itself opens nothing again (revoked or expired).
   */
  public Optional<Instant> previousSecretExpiresOn(Instant now) {
    if (status == ApiKeyStatus.REVOKED || isExpiredAt(now)) {
      return Optional.empty();
    }
    Optional<Instant> latest = Optional.empty();
    for (KeySecret older : secrets.subList(0, secrets.size() - 1)) {
      // A rotation gives every older secret an expiry: the end of its grace.
      Optional<Instant> until = older.expiresOn().filter(end -> !older.isExpiredAt(now));
      if (until.isPresent() && (latest.isEmpty() || until.get().isAfter(latest.get()))) {
        latest = until;
      }
    }
    return latest.map(until -> expiresOn.filter(end -> end.isBefore(until)).orElse(until));
  }

  /** The newest secret, whose prefix and suffix people see. */
  public KeySecret currentSecret() {
    return secrets.get(secrets.size() - 1);
  }

  /** Whether the key was granted every scope in {@code scopeKeys}, such as {@code read:users}. */
  public boolean holdsScopes(Set<String> scopeKeys) {
    for (String wanted : scopeKeys) {
      boolean held = false;
      for (Scope scope : scopes) {
        held |= scope.key().equals(wanted);
      }
      if (!held) {
        return false;
      }
    }
    return true;
  }

  /** The keys of the granted scopes, such as {@code read:users}. */
  public Set<String> scopeKeys() {
    return scopes.stream().map(Scope::key).collect(Collectors.toUnmodifiableSet());
  }

  private void requireStatus(ApiKeyStatus required, String becoming) {
    if (status != required) {
      throw new IllegalKeyTransitionException(
          "api key "
              + id
              + " is "
              + status.name().toLowerCase(Locale.ROOT)
              + " and cannot be "
              + becoming);
    }
  }

  private ApiKey withStatus(ApiKeyStatus newStatus, Optional<Instant> newRevokedOn) {
    return new ApiKey(
        id,
        name,
        owner,
        apiId,
        scopes,
        newStatus,
        createdOn,
        createdBy,
        madeBy,
        kind,
        expiresOn,
        secrets,
        usage,
        newRevokedOn,
        policy,
        ownerLimits,
        version);
  }
}
