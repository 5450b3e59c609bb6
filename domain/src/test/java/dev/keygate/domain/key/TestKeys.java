package dev.keygate.domain.key;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.UsagePolicy;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keys, secrets and scopes with fixed ids, so that messages can be checked word for word. */
final class TestKeys {

  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  static final ApiKeyId KEY_ID = new ApiKeyId("api_key_0195485a3c000123456789abcdef0123");
  static final ApiId API_ID = new ApiId("api_0195485a3c00aaaaaaaaaaaaaaaaaaaa");
  static final ApiId OTHER_API_ID = new ApiId("api_0195485a3c00bbbbbbbbbbbbbbbbbbbb");

  static final Scope READ_USERS =
      new Scope(
          new ScopeId("api_scope_0195485a3c00000000000000000000a1"),
          API_ID,
          "read:users",
          "Read users");
  static final Scope WRITE_USERS =
      new Scope(
          new ScopeId("api_scope_0195485a3c00000000000000000000a2"),
          API_ID,
          "write:users",
          "Write users");
  static final Scope FOREIGN_SCOPE =
      new Scope(
          new ScopeId("api_scope_0195485a3c00000000000000000000b1"),
          OTHER_API_ID,
          "read:orders",
          "");

  static final Owner ACME = new Owner.Org(new OrgCode("org_acme"));

  private TestKeys() {}

  /** A secret with no expiry whose suffix and hash are derived from its lookup. */
  static KeySecret secret(String lookup, Instant createdOn) {
    return KeySecret.issued(
        KeyPrefix.DEFAULT,
        new SecretLookup(lookup),
        lookup.substring(8),
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$" + lookup,
        createdOn);
  }

  static KeySecret firstSecret() {
    return secret("AAAAAAAAAAA1", T0);
  }

  /** An active organization key made at {@link #T0} with two scopes and no expiry. */
  static ApiKey anOrgKey() {
    return anOrgKeyExpiring(Optional.empty());
  }

  static ApiKey anOrgKeyExpiring(Optional<Instant> expiresOn) {
    return ApiKey.create(
        KEY_ID,
        "Production Integration",
        ACME,
        API_ID,
        Set.of(READ_USERS, WRITE_USERS),
        firstSecret(),
        "operator",
        Optional.empty(),
        expiresOn,
        T0);
  }

  /** A builder over the canonical constructor, for the invariants it must enforce. */
  static Builder aKey() {
    return new Builder();
  }

  static final class Builder {
    private ApiKeyId id = KEY_ID;
    private String name = "Production Integration";
    private Owner owner = ACME;
    private ApiId apiId = API_ID;
    private Set<Scope> scopes = Set.of(READ_USERS);
    private ApiKeyStatus status = ApiKeyStatus.ACTIVE;
    private Instant createdOn = T0;
    private String createdBy = "operator";
    private Optional<ApiKeyId> madeBy = Optional.empty();
    private ApiKeyKind kind = ApiKeyKind.STANDARD;
    private Optional<Instant> expiresOn = Optional.empty();
    private List<KeySecret> secrets = List.of(firstSecret());
    private Usage usage = Usage.NONE;
    private Optional<Instant> revokedOn = Optional.empty();
    private UsagePolicy policy = UsagePolicy.NONE;
    private List<RateLimit> ownerLimits = List.of();
    private long version;

    Builder id(ApiKeyId value) {
      id = value;
      return this;
    }

    Builder name(String value) {
      name = value;
      return this;
    }

    Builder owner(Owner value) {
      owner = value;
      return this;
    }

    Builder apiId(ApiId value) {
      apiId = value;
      return this;
    }

    Builder scopes(Set<Scope> value) {
      scopes = value;
      return this;
    }

    Builder status(ApiKeyStatus value) {
      status = value;
      return this;
    }

    Builder createdOn(Instant value) {
      createdOn = value;
      return this;
    }

    Builder createdBy(String value) {
      createdBy = value;
      return this;
    }

    Builder madeBy(Optional<ApiKeyId> value) {
      madeBy = value;
      return this;
    }

    Builder kind(ApiKeyKind value) {
      kind = value;
      return this;
    }

    Builder expiresOn(Optional<Instant> value) {
      expiresOn = value;
      return this;
    }

    Builder secrets(List<KeySecret> value) {
      secrets = value;
      return this;
    }

    Builder usage(Usage value) {
      usage = value;
      return this;
    }

    Builder policy(UsagePolicy value) {
      policy = value;
      return this;
    }

    Builder ownerLimits(List<RateLimit> value) {
      ownerLimits = value;
      return this;
    }

    Builder revokedOn(Optional<Instant> value) {
      revokedOn = value;
      return this;
    }

    Builder version(long value) {
      version = value;
      return this;
    }

    ApiKey build() {
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
          policy,
          ownerLimits,
          version);
    }
  }
}
