package dev.keygate.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import dev.keygate.adapter.crypto.Argon2Parameters;
import dev.keygate.adapter.persistence.DataSources;
import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.CreateApiKeyCommand;
import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.Verification;
import dev.keygate.bootstrap.Keygate;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.UsagePolicy;
import dev.keygate.domain.token.TokenFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification through the embedding facade on H2 in memory with OWASP's Argon2 parameters, beside
 * the floors each path is compared to, measured in the same run:
 *
 * <ul>
 *   <li>{@code verifyWarmFollow} (token proven, following the change feed, the default: no
 *       database, no Argon2) against {@code floorSha256}, one SHA-256 of the token;
 *   <li>{@code verifyWarmRateLimited}, the same with one rate limit on the key (counted in this
 *       process, as on H2), against {@code verifyWarmFollow};
 *   <li>{@code verifyWarmMetered}, the same with credits on the key (one atomic update of the
 *       stored count per verification) against {@code floorCreditUpdate}, that update in plain
 *       JDBC;
 *   <li>{@code verifyWarmStateCache} (token proven, state cache on: no database, no Argon2) against
 *       {@code floorSha256};
 *   <li>{@code verifyWarmStrict} (token proven, strict: the key's version read by primary key)
 *       against {@code floorPrimaryKeyRead}, a plain JDBC read of the key's row by its primary key
 *       through the same pool;
 *   <li>{@code verifyCold} (nothing remembered: the secret read by its lookup and Argon2-checked)
 *       against {@code floorArgon2Verify}, argon2-jvm's own verify of the same secret at the same
 *       parameters;
 *   <li>{@code rejectBadChecksum}, a token with one mistyped character, refused before any read.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerifyBenchmark {

  private static final String SCOPE = "read:users";

  private HikariDataSource followPool;
  private HikariDataSource strictPool;
  private HikariDataSource cachedPool;
  private HikariDataSource coldPool;
  private Keygate following;
  private Keygate strict;
  private Keygate stateCached;
  private Keygate cold;
  private String followToken;
  private String rateLimitedToken;
  private String meteredToken;
  private String floorKeyId;
  private String strictToken;
  private String cachedToken;
  private String coldToken;
  private String badChecksum;
  private String strictKeyId;

  private byte[] tokenBytes;
  private MessageDigest sha256;
  private Argon2 argon2;
  private String argon2Hash;
  private char[] secret;

  @Setup
  public void issueKeys() throws Exception {
    followPool = DataSources.pool("jdbc:h2:mem:verify-follow;DB_CLOSE_DELAY=-1", null, null);
    strictPool = DataSources.pool("jdbc:h2:mem:verify-strict;DB_CLOSE_DELAY=-1", null, null);
    cachedPool = DataSources.pool("jdbc:h2:mem:verify-cached;DB_CLOSE_DELAY=-1", null, null);
    coldPool = DataSources.pool("jdbc:h2:mem:verify-cold;DB_CLOSE_DELAY=-1", null, null);
    following = Keygate.builder().dataSource(followPool).build();
    strict = Keygate.builder().dataSource(strictPool).verifyStrictly().build();
    stateCached =
        Keygate.builder().dataSource(cachedPool).stateCacheTtl(Duration.ofHours(1)).build();
    // Proven tokens are forgotten at once, so every verification pays the lookup and Argon2.
    cold =
        Keygate.builder()
            .dataSource(coldPool)
            .verifyStrictly()
            .verifiedTokenTtl(Duration.ofNanos(1))
            .build();

    IssuedApiKey strictKey = issue(strict, UsagePolicy.NONE).get(0);
    strictToken = strictKey.token().reveal();
    strictKeyId = strictKey.key().id().value();
    cachedToken = issue(stateCached, UsagePolicy.NONE).get(0).token().reveal();
    List<IssuedApiKey> followed =
        issue(
            following,
            UsagePolicy.NONE,
            UsagePolicy.NONE.withRateLimits(List.of(RateLimit.of("bench", 1_000_000_000, 1))),
            UsagePolicy.NONE.withCredits(
                Optional.of(new Credits(Credits.MAX_CREDITS, Optional.empty()))),
            UsagePolicy.NONE.withCredits(
                Optional.of(new Credits(Credits.MAX_CREDITS, Optional.empty()))));
    followToken = followed.get(0).token().reveal();
    rateLimitedToken = followed.get(1).token().reveal();
    meteredToken = followed.get(2).token().reveal();
    floorKeyId = followed.get(3).key().id().value();
    coldToken = issue(cold, UsagePolicy.NONE).get(0).token().reveal();
    for (Map.Entry<String, Keygate> warm :
        Map.of(
                strictToken,
                strict,
                cachedToken,
                stateCached,
                followToken,
                following,
                rateLimitedToken,
                following,
                meteredToken,
                following)
            .entrySet()) {
      if (!warm.getValue().verify(warm.getKey(), SCOPE).isValid()) {
        throw new IllegalStateException("the benchmark key does not verify");
      }
    }
    char[] typo = strictToken.toCharArray();
    int at = typo.length - TokenFormat.CHECKSUM_LENGTH - 3;
    typo[at] = typo[at] == 'x' ? 'y' : 'x';
    badChecksum = new String(typo);

    tokenBytes = strictToken.getBytes(StandardCharsets.US_ASCII);
    sha256 = MessageDigest.getInstance("SHA-256");
    argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);
    Argon2Parameters owasp = Argon2Parameters.OWASP;
    secret = "floor-secret-of-forty-three-characters-xyz".toCharArray();
    argon2Hash =
        argon2.hash(owasp.iterations(), owasp.memoryKib(), owasp.parallelism(), secret.clone());
  }

  /** One key under each policy, on a new API of a new organization. */
  private static List<IssuedApiKey> issue(Keygate keygate, UsagePolicy... policies) {
    var useCases = keygate.useCases();
    var operator = keygate.operator();
    Api api =
        useCases.registerApi().register(operator, new RegisterApiCommand("Users", "users-api"));
    useCases.addScope().add(operator, new AddScopeCommand(api.id(), SCOPE, "Read users"));
    useCases
        .createOrganization()
        .create(operator, new CreateOrganizationCommand("Acme", Optional.of(new OrgCode("acme"))));
    List<IssuedApiKey> keys = new ArrayList<>();
    for (UsagePolicy policy : policies) {
      keys.add(
          useCases
              .createApiKey()
              .create(
                  operator,
                  new CreateApiKeyCommand(
                      "bench",
                      api.id(),
                      List.of(SCOPE),
                      new Owner.Org(new OrgCode("acme")),
                      Optional.empty(),
                      policy)));
    }
    return keys;
  }

  @TearDown
  public void close() {
    following.close();
    strict.close();
    stateCached.close();
    cold.close();
    followPool.close();
    strictPool.close();
    cachedPool.close();
    coldPool.close();
  }

  @Benchmark
  public Verification verifyWarmFollow() {
    return following.verify(followToken, SCOPE);
  }

  @Benchmark
  public Verification verifyWarmRateLimited() {
    return following.verify(rateLimitedToken, SCOPE);
  }

  @Benchmark
  public Verification verifyWarmMetered() {
    return following.verify(meteredToken, SCOPE);
  }

  @Benchmark
  public Verification verifyWarmStateCache() {
    return stateCached.verify(cachedToken, SCOPE);
  }

  @Benchmark
  public Verification verifyWarmStrict() {
    return strict.verify(strictToken, SCOPE);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Verification verifyCold() {
    return cold.verify(coldToken, SCOPE);
  }

  @Benchmark
  public Verification rejectBadChecksum() {
    return strict.verify(badChecksum, SCOPE);
  }

  /** The floor of the state-cached path: one SHA-256 over the token's bytes. */
  @Benchmark
  public byte[] floorSha256() {
    return sha256.digest(tokenBytes);
  }

  /** The floor of the strict path: the key's row read by its primary key, in plain JDBC. */
  @Benchmark
  public long floorPrimaryKeyRead() throws SQLException {
    try (Connection connection = strictPool.getConnection();
        PreparedStatement read =
            connection.prepareStatement(
                "select id, status, expires_on, revoked_on, version from api_keys where id = ?")) {
      read.setString(1, strictKeyId);
      try (ResultSet row = read.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("the benchmark key is not stored");
        }
        return row.getLong(5) + row.getString(2).length();
      }
    }
  }

  /** The floor of the metered path: one atomic decrement of a key's credits, in plain JDBC. */
  @Benchmark
  public int floorCreditUpdate() throws SQLException {
    try (Connection connection = followPool.getConnection();
        PreparedStatement spend =
            connection.prepareStatement(
                "update key_credits set remaining = remaining - 1"
                    + " where key_id = ? and remaining >= 1")) {
      spend.setString(1, floorKeyId);
      return spend.executeUpdate();
    }
  }

  /** The floor of the cold path: argon2-jvm's verify at the same parameters. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean floorArgon2Verify() {
    return argon2.verify(argon2Hash, secret);
  }
}
