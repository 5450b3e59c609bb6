package dev.keygate.bootstrap;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.adapter.persistence.EmbeddedDatabase;
import dev.keygate.adapter.rest.KeygateGuard;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateApiKeyCommand;
import dev.keygate.application.port.in.UsagePeriod;
import dev.keygate.application.port.in.UsageReport;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.service.AccessTokenSettings;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.UsagePolicy;
import dev.keygate.domain.token.KeyPrefix;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Keygate embedded in a JVM application: the use cases over a database of your choice (the embedded
 * H2 file by default), a one-call {@link #verify}, and the usage policy of keys in a few calls
 * ({@link #newKey}, {@link #changePolicy}, {@link #setRateLimits}, {@link #usage}, {@link
 * #verifying}). Acts as the operator unless the host passes its own principal to the use cases.
 * Close it to write the last usage counts.
 *
 * <pre>{@code
 * try (Keygate keygate = Keygate.builder().build()) {
 *   Verification result = keygate.verify(token, "read:users");
 * }
 * }</pre>
 */
public final class Keygate implements AutoCloseable {

  private final KeygateNode node;
  private final Principal operator;
  private final Clock clock;

  private Keygate(KeygateNode node, Principal operator, Clock clock) {
    this.node = node;
    this.operator = operator;
    this.clock = clock;
  }

  /** The node underneath; for tests that follow its change feed or take its database away. */
  KeygateNode node() {
    return node;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every use case; each takes the acting principal, such as {@link #operator()}. */
  public KeygateUseCases useCases() {
    return node.useCases();
  }

  /** The embedding application as the operator, audited as {@code embedded:<os user>}. */
  public Principal operator() {
    return operator;
  }

  /**
   * Verifies a token as the operator.
   *
   * @param requiredScopes scope keys the key must all hold, such as {@code read:users}
   * @throws dev.keygate.domain.LimitReachedException when the token would need an Argon2 check and
   *     no hashing slot came free in time, or its lookup failed too often lately; answer your
   *     caller 429 with its {@code retryAfter()}
   */
  public Verification verify(String token, String... requiredScopes) {
    return useCases()
        .verifyApiKey()
        .verify(operator, VerifyApiKeyCommand.of(token, requiredScopes));
  }

  /**
   * A verification with more than scopes: the caller's address, the credits it spends, the API.
   *
   * <pre>{@code
   * Verification result =
   *     keygate.verifying(token).scopes("read:orders").from(clientIp).cost(5).verify();
   * }</pre>
   */
  public Verifying verifying(String token) {
    return new Verifying(token);
  }

  /**
   * A new key of {@code owner} for {@code apiId}, made by {@link NewKey#create()} once its scopes,
   * expiry and usage policy are given.
   *
   * <pre>{@code
   * IssuedApiKey issued =
   *     keygate.newKey("Orders", orders.id(), new Owner.Org(new OrgCode("org_acme")))
   *         .scopes("read:orders")
   *         .rateLimit("burst", 100, Duration.ofSeconds(1))
   *         .credits(1_000, Refill.monthly(1_000, 1, RefillMode.SET))
   *         .allowFrom("203.0.113.0/24", "2001:db8::/32")
   *         .create();
   * }</pre>
   */
  public NewKey newKey(String name, ApiId apiId, Owner owner) {
    return new NewKey(name, apiId, owner);
  }

  /**
   * A change of a key's usage policy, made by {@link PolicyChange#apply()}: what is not given stays
   * as it is.
   */
  public PolicyChange changePolicy(ApiKeyId keyId) {
    return new PolicyChange(keyId);
  }

  /**
   * Sets the rate limits all keys of {@code owner} share, instead of the present ones; none removes
   * them.
   *
   * @return the limits now shared
   */
  public List<RateLimit> setRateLimits(Owner owner, RateLimit... limits) {
    return useCases().ownerRateLimits().set(operator, owner, List.of(limits));
  }

  /** The rate limits all keys of {@code owner} share. */
  public List<RateLimit> rateLimits(Owner owner) {
    return useCases().ownerRateLimits().get(operator, owner);
  }

  /** How the key was verified over {@code period}, by outcome, an hour or a day a bucket. */
  public UsageReport usage(ApiKeyId keyId, UsagePeriod period) {
    return useCases().getUsage().ofKey(operator, keyId, period);
  }

  /** How all keys of {@code owner} were verified over {@code period}, summed. */
  public UsageReport usage(Owner owner, UsagePeriod period) {
    return useCases().getUsage().ofOwner(operator, owner, period);
  }

  /**
   * A guard for the host's own Javalin routes, verifying as the operator and telling refused
   * clients how long to wait by this instance's clock; see {@link KeygateGuard}.
   */
  public KeygateGuard guard() {
    return KeygateGuard.of(useCases().verifyApiKey(), operator).withClock(clock);
  }

  /** Whether the database answers. */
  public boolean isHealthy() {
    return node.isDatabaseUp();
  }

  /** Writes the pending usage counts, then releases the database. */
  @Override
  public void close() {
    node.close();
  }

  /** One verification as {@link #verifying} starts it; nothing is asked until {@link #verify}. */
  public final class Verifying {

    private final String token;
    private Set<String> scopes = Set.of();
    private Optional<ApiId> api = Optional.empty();
    private Optional<String> clientIp = Optional.empty();
    private long cost = 1;

    private Verifying(String token) {
      this.token = Objects.requireNonNull(token, "token");
    }

    /** Scope keys the key must all hold, such as {@code read:users}. */
    public Verifying scopes(String... required) {
      this.scopes = Set.of(required);
      return this;
    }

    /** The key must be one of {@code apiId}'s. */
    public Verifying forApi(ApiId apiId) {
      this.api = Optional.of(apiId);
      return this;
    }

    /**
     * The address the token came from, such as your caller's: checked against the key's allowed
     * addresses (a key that has some is refused without one), and recorded as its usage.
     */
    public Verifying from(String address) {
      this.clientIp = Optional.of(address);
      return this;
    }

    /** The credits a valid verification spends of a metered key; one by default. */
    public Verifying cost(long credits) {
      this.cost = credits;
      return this;
    }

    /**
     * Verifies as the operator.
     *
     * @throws dev.keygate.domain.LimitReachedException as {@link Keygate#verify} does
     */
    public Verification verify() {
      return useCases()
          .verifyApiKey()
          .verify(operator, new VerifyApiKeyCommand(token, scopes, api, clientIp, cost));
    }
  }

  /**
   * A key about to be issued, as {@link #newKey} starts it; nothing is made until {@link #create}.
   */
  public final class NewKey {

    private final String name;
    private final ApiId apiId;
    private final Owner owner;
    private List<String> scopes = List.of();
    private Optional<Instant> expiresOn = Optional.empty();
    private final List<RateLimit> rateLimits = new ArrayList<>();
    private Optional<Credits> credits = Optional.empty();
    private IpAllowlist allowlist = IpAllowlist.ANYWHERE;

    private NewKey(String name, ApiId apiId, Owner owner) {
      this.name = name;
      this.apiId = Objects.requireNonNull(apiId, "api id");
      this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** Scope keys (such as {@code read:users}) or ids of the API that the key carries. */
    public NewKey scopes(String... keysOrIds) {
      this.scopes = List.of(keysOrIds);
      return this;
    }

    public NewKey expiresOn(Instant when) {
      this.expiresOn = Optional.of(when);
      return this;
    }

    /** At most {@code limit} verifications per {@code per}; as many limits as needed, up to ten. */
    public NewKey rateLimit(String limitName, long limit, Duration per) {
      rateLimits.add(new RateLimit(limitName, limit, per));
      return this;
    }

    /** {@code remaining} uses, never refilled. */
    public NewKey credits(long remaining) {
      this.credits = Optional.of(new Credits(remaining, Optional.empty()));
      return this;
    }

    /** {@code remaining} uses, refilled as {@code refill} says. */
    public NewKey credits(long remaining, Refill refill) {
      this.credits = Optional.of(new Credits(remaining, Optional.of(refill)));
      return this;
    }

    /** The addresses and CIDR ranges, IPv4 or IPv6, the key may be used from. */
    public NewKey allowFrom(String... ranges) {
      this.allowlist = IpAllowlist.parse(List.of(ranges));
      return this;
    }

    /** Issues the key as the operator; its token is in the answer only. */
    public IssuedApiKey create() {
      return useCases()
          .createApiKey()
          .create(
              operator,
              new CreateApiKeyCommand(
                  name,
                  apiId,
                  scopes,
                  owner,
                  expiresOn,
                  new UsagePolicy(rateLimits, credits, allowlist)));
    }
  }

  /** A change of a key's policy, as {@link #changePolicy} starts it. */
  public final class PolicyChange {

    private final ApiKeyId keyId;
    private Optional<List<RateLimit>> rateLimits = Optional.empty();
    private Optional<Credits> credits = Optional.empty();
    private boolean removeCredits;
    private Optional<IpAllowlist> allowlist = Optional.empty();

    private PolicyChange(ApiKeyId keyId) {
      this.keyId = Objects.requireNonNull(keyId, "key id");
    }

    /** These limits instead of the key's present ones; none removes them. */
    public PolicyChange rateLimits(RateLimit... limits) {
      this.rateLimits = Optional.of(List.of(limits));
      return this;
    }

    /** {@code remaining} uses from now, never refilled. */
    public PolicyChange credits(long remaining) {
      return credits(new Credits(remaining, Optional.empty()));
    }

    /** {@code remaining} uses from now, refilled as {@code refill} says. */
    public PolicyChange credits(long remaining, Refill refill) {
      return credits(new Credits(remaining, Optional.of(refill)));
    }

    private PolicyChange credits(Credits given) {
      this.credits = Optional.of(given);
      this.removeCredits = false;
      return this;
    }

    /** The key is no longer metered. */
    public PolicyChange noCredits() {
      this.credits = Optional.empty();
      this.removeCredits = true;
      return this;
    }

    /** Only these addresses and CIDR ranges from now. */
    public PolicyChange allowFrom(String... ranges) {
      this.allowlist = Optional.of(IpAllowlist.parse(List.of(ranges)));
      return this;
    }

    /** Usable from any address. */
    public PolicyChange fromAnywhere() {
      this.allowlist = Optional.of(IpAllowlist.ANYWHERE);
      return this;
    }

    /** Changes the key as the operator, who may loosen a policy as well as tighten it. */
    public ApiKey apply() {
      return useCases()
          .updateApiKey()
          .update(
              operator,
              keyId,
              new UpdateApiKeyCommand(
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  rateLimits,
                  credits,
                  removeCredits,
                  allowlist));
    }
  }

  /** Chooses the database, the token prefix, the Argon2 cost and the clock. */
  public static final class Builder {

    private String jdbcUrl;
    private String user;
    private String password;
    private DataSource dataSource;
    private Path dataDirectory = Path.of(EmbeddedDatabase.DIRECTORY);
    private KeyPrefix keyPrefix = KeyPrefix.DEFAULT;
    private Argon2Parameters argon2 = Argon2Parameters.OWASP;
    // Millisecond ticks: stored exactly by H2 and PostgreSQL, so what is read back is equal.
    private Clock clock = Clock.tickMillis(ZoneOffset.UTC);
    private Duration verifiedTokenTtl = KeygateNode.DEFAULT_VERIFIED_TOKEN_TTL;
    private Duration usageFlushInterval = KeygateNode.DEFAULT_USAGE_FLUSH_INTERVAL;
    private VerificationOptions verification = VerificationOptions.DEFAULTS;
    private TenantOptions tenants = TenantOptions.DEFAULTS;
    private MeterRegistry meters;

    private Builder() {}

    /**
     * The database to use, H2 or PostgreSQL. When not set: the embedded H2 database in {@code
     * keygate-data} of the JVM's working directory, made its owner's alone (see the README), which
     * the command line shares.
     */
    public Builder jdbcUrl(String url) {
      this.jdbcUrl = Objects.requireNonNull(url, "jdbc url");
      return this;
    }

    /** Database credentials for {@link #jdbcUrl}; the embedded database keeps its own. */
    public Builder credentials(String user, String password) {
      this.user = user;
      this.password = password;
      return this;
    }

    /**
     * Where the embedded database keeps its files and credentials when neither {@link #jdbcUrl} nor
     * {@link #dataSource} is given: {@code keygate-data} of the JVM's working directory by default.
     */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory, "data directory");
      return this;
    }

    /** A pool of the host's own, which stays the host's to close; wins over {@link #jdbcUrl}. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "data source");
      return this;
    }

    /** The prefix of new tokens, {@code k_live} by default. */
    public Builder keyPrefix(String prefix) {
      this.keyPrefix = new KeyPrefix(prefix);
      return this;
    }

    /** Argon2id cost; OWASP's m=19456, t=2, p=1 by default. */
    public Builder argon2(Argon2Parameters parameters) {
      this.argon2 = Objects.requireNonNull(parameters, "argon2 parameters");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long a proven token skips the Argon2 check, five minutes by default. */
    public Builder verifiedTokenTtl(Duration ttl) {
      this.verifiedTokenTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /** How long usage counts wait in memory at most, one second by default. */
    public Builder usageFlushInterval(Duration interval) {
      this.usageFlushInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Follows the change feed (the default, with a bound of 250 ms and a poll of 100 ms): a warm
     * verification reads nothing, and a change made on any node is seen once this instance has read
     * the feed. While it has not confirmed the feed within {@code bound}, it verifies as {@link
     * #verifyStrictly()} does.
     *
     * @param poll how often the feed is read when nothing wakes this instance; shorter than {@code
     *     bound}
     */
    public Builder followChanges(Duration bound, Duration poll) {
      Objects.requireNonNull(bound, "follow bound");
      Objects.requireNonNull(poll, "follow poll");
      this.verification = verification.following(bound, poll);
      return this;
    }

    /**
     * Strict verification: every verification reads the key's version, one primary-key read, so a
     * change made on any node is seen by the very next verification on every node.
     */
    public Builder verifyStrictly() {
      this.verification = verification.strict();
      return this;
    }

    /**
     * Turns the state cache on: a verified key's status, expiry and scopes are then trusted for
     * {@code ttl} without reading the database or following the feed, so a revoke on another node
     * is seen within it. A change made through this instance is seen at once in every mode.
     */
    public Builder stateCacheTtl(Duration ttl) {
      Objects.requireNonNull(ttl, "state cache ttl");
      this.verification = verification.withStateCacheTtl(ttl);
      return this;
    }

    /**
     * How many Argon2 hashes may run at once (one per processor by default) and how long a hash
     * waits for a free slot (half a second by default) before the call is refused with {@link
     * dev.keygate.domain.LimitReachedException}.
     */
    public Builder hashing(int slots, Duration wait) {
      Objects.requireNonNull(wait, "hashing wait");
      this.verification = verification.withHashing(slots, wait);
      return this;
    }

    /**
     * How many failed verifications one secret lookup may have a minute from one client network
     * (ten by default); past it the lookup is refused from there with {@link
     * dev.keygate.domain.LimitReachedException} until a try refills, except for tokens already
     * proven. Verifications whose client address is not given share one count per lookup.
     */
    public Builder failedAttemptsPerMinute(int limit) {
      this.verification = verification.withFailedAttemptsPerMinute(limit);
      return this;
    }

    /**
     * What one organization or user can make for itself with its own keys: at most {@code
     * liveKeysPerOwner} live keys (a thousand by default; more is a conflict) and {@code
     * keyCreationsPerMinute} new keys a minute (sixty by default; more is refused with {@link
     * dev.keygate.domain.LimitReachedException}). The operator is not held to either.
     */
    public Builder tenantLimits(int liveKeysPerOwner, int keyCreationsPerMinute) {
      this.tenants = new TenantOptions(liveKeysPerOwner, keyCreationsPerMinute);
      return this;
    }

    /**
     * Where verification answers, their latency, Argon2 checks and cache hits are counted; nothing
     * is counted when not set.
     */
    public Builder meters(MeterRegistry registry) {
      this.meters = Objects.requireNonNull(registry, "meter registry");
      return this;
    }

    /** Migrates the database if needed and wires Keygate together. */
    public Keygate build() {
      KeygateNode node =
          KeygateNode.open(
              new KeygateNode.Settings(
                  storage(),
                  keyPrefix,
                  argon2,
                  clock,
                  verifiedTokenTtl,
                  KeygateNode.DEFAULT_VERIFIED_TOKEN_CAPACITY,
                  usageFlushInterval,
                  verification,
                  tenants,
                  AccessTokenSettings.DEFAULTS.lifetime(),
                  Optional.empty(),
                  WebhookOptions.DEFAULTS,
                  Optional.ofNullable(meters)));
      node.startDelivering();
      Principal operator = Principal.operator("embedded:" + System.getProperty("user.name", "app"));
      return new Keygate(node, operator, clock);
    }

    /** The host's pool, else the URL given, else the embedded database. */
    KeygateNode.Storage storage() {
      if (dataSource != null) {
        return new KeygateNode.Storage.HostPool(dataSource);
      }
      if (jdbcUrl != null) {
        return new KeygateNode.Storage.Jdbc(
            jdbcUrl, Optional.ofNullable(user), Optional.ofNullable(password));
      }
      return new KeygateNode.Storage.Embedded(dataDirectory.toAbsolutePath());
    }
  }
}
