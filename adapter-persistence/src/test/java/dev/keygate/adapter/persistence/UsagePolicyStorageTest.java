package dev.keygate.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.contract.Stores;
import dev.keygate.application.fake.MutableClock;
import dev.keygate.application.port.out.UsageHistory;
import dev.keygate.application.port.out.UsageRecorder;
import dev.keygate.application.port.query.UsageQuery;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the stores keep of usage policies beyond the ports' contracts: the credits a key is read
 * with are the ledger's, and never written back from a stale read; an owner's limits go with it;
 * keys with credits and counts can still be deleted; and old counts are let go, once an hour.
 */
class UsagePolicyStorageTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static Stream<TestDatabases.Database> databases() {
    return Stream.of(TestDatabases.h2(), TestDatabases.postgres());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aKeysCredits_areTheLedgers_andAStaleUpdateNeverWritesThemBack(
      TestDatabases.Database database) {
    Stores stores = database.emptyStores();
    ApiKey key = storedKey(stores, "org_a");
    assertThat(stores.apiKeys().findById(key.id()).orElseThrow().policy().credits()).isEmpty();

    stores.credits().set(key.id(), 10, NOW);
    ApiKey read = stores.apiKeys().findById(key.id()).orElseThrow();
    stores.credits().spend(key.id(), 3, Optional.empty(), NOW);

    assertThat(read.policy().credits()).contains(new Credits(10, Optional.empty()));
    ApiKey updated = stores.apiKeys().update(read.rename("renamed"));
    assertThat(updated.version()).isEqualTo(read.version() + 1);
    assertThat(remaining(database.dataSource(), key.id())).isEqualTo(7);
    assertThat(stores.apiKeys().findById(key.id()).orElseThrow().policy().credits())
        .contains(new Credits(7, Optional.empty()));
    stores.credits().remove(key.id());
    assertThat(stores.apiKeys().findById(key.id()).orElseThrow().policy().credits()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aDeletedOwnersLimits_goWithIt(TestDatabases.Database database) {
    Stores stores = database.emptyStores();
    Organization acme = new Organization(new OrgCode("org_acme"), "Acme", NOW);
    stores.owners().addOrganization(acme);
    stores.owners().setRateLimits(acme.asOwner(), List.of(RateLimit.of("burst", 5, 1)));

    stores.owners().deleteOrganization(acme.code());
    stores.owners().addOrganization(acme);

    assertThat(stores.owners().rateLimits(acme.asOwner())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aKeyWithCreditsAndCounts_canStillBeDeleted(TestDatabases.Database database)
      throws SQLException {
    Stores stores = database.emptyStores();
    ApiKey key = storedKey(stores, "org_a");
    stores.credits().set(key.id(), 10, NOW);
    try (WriteBehindUsageRecorder recorder =
        new WriteBehindUsageRecorder(database.dataSource(), Duration.ofHours(1), CLOCK)) {
      recorder.record(key.id(), UsageRecorder.VERIFIED, NOW, Optional.empty());
      recorder.flush();
    }
    assertThat(rows(database.dataSource(), "key_usage_daily")).isEqualTo(1);

    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement delete =
            connection.prepareStatement("delete from api_keys where id = ?")) {
      delete.setString(1, key.id().value());
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }

    assertThat(rows(database.dataSource(), "key_credits")).isZero();
    assertThat(rows(database.dataSource(), "key_usage_hourly")).isZero();
    assertThat(rows(database.dataSource(), "key_usage_daily")).isZero();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void countsOfAKeyThatIsGone_areDropped_andTheRestIsWritten(TestDatabases.Database database) {
    Stores stores = database.emptyStores();
    ApiKey key = storedKey(stores, "org_a");
    try (WriteBehindUsageRecorder recorder =
        new WriteBehindUsageRecorder(database.dataSource(), Duration.ofHours(1), CLOCK)) {
      recorder.record(ApiKeyId.generate(CLOCK), UsageRecorder.VERIFIED, NOW, Optional.empty());
      recorder.record(key.id(), "API_KEY_RATE_LIMITED", NOW, Optional.empty());
      recorder.flush();
    }

    assertThat(hourly(database, key)).containsExactly(hour(NOW, "API_KEY_RATE_LIMITED", 1));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void countsAFlushCouldNotWrite_stayPending_andTheNextFlushWritesThem(
      TestDatabases.Database database) {
    Stores stores = database.emptyStores();
    ApiKey key = storedKey(stores, "org_a");
    AtomicBoolean down = new AtomicBoolean(true);
    DataSource flaky = failingWhile(database.dataSource(), down);
    try (WriteBehindUsageRecorder recorder =
        new WriteBehindUsageRecorder(flaky, Duration.ofHours(1), CLOCK)) {
      recorder.record(key.id(), "API_KEY_RATE_LIMITED", NOW, Optional.empty());
      assertThatThrownBy(recorder::flush).hasMessageContaining("stays pending");
      recorder.record(key.id(), "API_KEY_RATE_LIMITED", NOW, Optional.empty());

      down.set(false);
      recorder.flush();

      assertThat(hourly(database, key)).containsExactly(hour(NOW, "API_KEY_RATE_LIMITED", 2));
    }
  }

  /** A pool that gives no connection while {@code down} is set. */
  private static DataSource failingWhile(DataSource pool, AtomicBoolean down) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("getConnection") && down.get()) {
                throw new SQLException("the database is away");
              }
              try {
                return method.invoke(pool, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @ParameterizedTest
  @MethodSource("databases")
  void oldCounts_areDeleted_atMostOnceAnHour(TestDatabases.Database database) {
    Stores stores = database.emptyStores();
    ApiKey key = storedKey(stores, "org_a");
    MutableClock clock = new MutableClock(NOW);
    Instant nineDaysAgo = NOW.minus(Duration.ofDays(9));
    try (WriteBehindUsageRecorder recorder =
        new WriteBehindUsageRecorder(database.dataSource(), Duration.ofHours(1), clock)) {
      recorder.flush();
      recorder.record(key.id(), UsageRecorder.VERIFIED, nineDaysAgo, Optional.empty());
      recorder.record(key.id(), UsageRecorder.VERIFIED, NOW, Optional.empty());
      clock.advance(Duration.ofMinutes(59));
      recorder.flush();
      // deleted within the hour: not again yet
      assertThat(hourly(database, key)).hasSize(2);

      clock.advance(Duration.ofMinutes(1));
      recorder.flush();

      assertThat(hourly(database, key)).containsExactly(hour(NOW, UsageRecorder.VERIFIED, 1));
      assertThat(daily(database, key, nineDaysAgo)).hasSize(2);

      // a day is kept 400 days
      clock.advance(Duration.ofDays(392));
      recorder.flush();
      assertThat(daily(database, key, nineDaysAgo)).hasSize(1);
    }
  }

  private static UsageHistory.Count hour(Instant at, String outcome, long count) {
    return new UsageHistory.Count(at.truncatedTo(ChronoUnit.HOURS), outcome, count);
  }

  private static List<UsageHistory.Count> hourly(TestDatabases.Database database, ApiKey key) {
    return database
        .persistence()
        .usageHistory()
        .counts(
            new UsageQuery(
                Optional.of(key.id()),
                Optional.empty(),
                UsageQuery.Granularity.HOUR,
                Instant.EPOCH,
                NOW.plus(Duration.ofDays(1000))));
  }

  private static List<UsageHistory.Count> daily(
      TestDatabases.Database database, ApiKey key, Instant from) {
    return database
        .persistence()
        .usageHistory()
        .counts(
            new UsageQuery(
                Optional.of(key.id()),
                Optional.empty(),
                UsageQuery.Granularity.DAY,
                from.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(1000))));
  }

  private static ApiKey storedKey(Stores stores, String org) {
    Api api = Api.register("API " + org, "https://" + org + ".example.com", CLOCK);
    stores.apis().add(api);
    Organization organization = new Organization(new OrgCode(org), "Org " + org, NOW);
    stores.owners().addOrganization(organization);
    Owner owner = organization.asOwner();
    String digits = UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    KeySecret secret =
        KeySecret.issued(
            KeyPrefix.DEFAULT,
            new SecretLookup("L" + digits),
            "Ab12",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA",
            NOW);
    ApiKey key =
        ApiKey.create(
            ApiKeyId.generate(CLOCK),
            "key of " + org,
            owner,
            api.id(),
            Set.of(),
            secret,
            "test:storage",
            Optional.empty(),
            Optional.empty(),
            NOW);
    stores.apiKeys().add(key);
    return key;
  }

  private static long remaining(DataSource dataSource, ApiKeyId key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement read =
            connection.prepareStatement("select remaining from key_credits where key_id = ?")) {
      read.setString(1, key.value());
      try (ResultSet row = read.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long rows(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement("select count(*) from " + table);
        ResultSet row = count.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
