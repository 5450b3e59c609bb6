package dev.keygate.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Opening a database skips Flyway only when its history has every migration Keygate carries: a new
 * database, one a migration behind, or one with a failed migration is migrated as before.
 */
class SchemaVersionsTest {

  private static final List<Class<?>> JAVA_MIGRATIONS =
      List.of(V4__StripBidirectionalControls.class);

  @ParameterizedTest
  @MethodSource("dev.keygate.adapter.persistence.TestDatabases#freshDatabases")
  void givenEachStateOfTheHistory_allApplied_answersWhetherFlywayHasNothingToDo(
      Supplier<HikariDataSource> database) throws SQLException {
    try (HikariDataSource dataSource = database.get()) {
      assertThat(SchemaVersions.allApplied(dataSource, JAVA_MIGRATIONS)).as("no history").isFalse();

      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .javaMigrations(new V4__StripBidirectionalControls())
          .target("7")
          .load()
          .migrate();
      assertThat(SchemaVersions.allApplied(dataSource, JAVA_MIGRATIONS))
          .as("a migration behind")
          .isFalse();

      JpaPersistence.open(dataSource).close();
      assertThat(SchemaVersions.allApplied(dataSource, JAVA_MIGRATIONS)).as("migrated").isTrue();

      execute(
          dataSource,
          "update \"flyway_schema_history\" set \"success\" = false where \"version\" = '2'");
      assertThat(SchemaVersions.allApplied(dataSource, JAVA_MIGRATIONS))
          .as("a failed migration")
          .isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.keygate.adapter.persistence.TestDatabases#freshDatabases")
  void givenEveryMigrationApplied_open_skipsFlyway(Supplier<HikariDataSource> database)
      throws SQLException {
    try (HikariDataSource dataSource = database.get()) {
      JpaPersistence.open(dataSource).close();
      // Flyway's validation would refuse this history (a checksum that no longer matches its
      // script); skipped, it is not read. The schema itself is as the migrations left it.
      execute(dataSource, "update \"flyway_schema_history\" set \"checksum\" = 42");

      JpaPersistence.open(dataSource).close();

      assertThat(SchemaVersions.carried(JAVA_MIGRATIONS).orElseThrow())
          .contains("1", "4", "8")
          .allMatch(version -> version.matches("[0-9.]+"));
    }
  }

  private static void execute(HikariDataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
