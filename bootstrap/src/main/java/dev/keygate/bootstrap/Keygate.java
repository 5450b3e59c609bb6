package dev.keygate.bootstrap;

import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.adapter.persistence.EmbeddedDatabase;
import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.service.AccessTokenSettings;
import dev.keygate.domain.token.KeyPrefix;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keygate embedded in a JVM application: the use cases over a database of your choice (the embedded
 * H2 file by default), and a one-call {@link #verify}. Acts as the operator unless the host passes
 * its own principal to the use cases. Close it to write the last usage counts.
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

  private Keygate(KeygateNode node, Principal operator) {
    this.node = node;
    this.operator = operator;
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

  /** Whether the database answers. */
  public boolean isHealthy() {
    return node.isDatabaseUp();
  }

  /** Writes the pending usage counts, then releases the database. */
  @Override
  public void close() {
    node.close();
  }

  /** Chooses the database, the token prefix, the Argon2 cost and the clock. */
  public static final class Builder {

    private String jdbcUrl;
    private String user;
    private String password;
    private DataSource dataSource;
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
                  Optional.ofNullable(meters)));
      Principal operator = Principal.operator("embedded:" + System.getProperty("user.name", "app"));
      return new Keygate(node, operator);
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
      return new KeygateNode.Storage.Embedded(Path.of(EmbeddedDatabase.DIRECTORY).toAbsolutePath());
    }
  }
}
