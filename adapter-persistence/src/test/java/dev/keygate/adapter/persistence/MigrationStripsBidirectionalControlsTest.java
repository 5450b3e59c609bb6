package dev.keygate.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.owner.OrgCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text stored before bidirectional controls were refused can still be read: the migration takes
 * them out of the text columns the domain checks, and leaves every other character as it was.
 */
class MigrationStripsBidirectionalControlsTest {

  private static final String API = "api_0195485a3c00aaaaaaaaaaaaaaaaaaaa";
  private static final String SCOPE = "api_scope_0195485a3c00000000000000000000a1";

  @ParameterizedTest
  @MethodSource("dev.keygate.adapter.persistence.TestDatabases#freshDatabases")
  void givenTextWithBidirectionalControls_migration_takesThemOut_andTheRowsReadBack(
      Supplier<HikariDataSource> database) throws SQLException {
    try (HikariDataSource dataSource = database.get()) {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .target("3")
          .load()
          .migrate();
      try (Connection connection = dataSource.getConnection()) {
        insert(
            connection,
            "insert into organizations values (?, ?, timestamp '2026-01-01 00:00:00')",
            "org_a",
            "Acme \u202Egnp.exe");
        insert(
            connection,
            "insert into apis values (?, ?, ?, timestamp '2026-01-01 00:00:00')",
            API,
            "Users \u2066API\u2069",
            "https://users\u202A.example.com");
        insert(
            connection,
            "insert into api_scopes values (?, ?, ?, ?)",
            SCOPE,
            API,
            "read:\u202Dusers",
            "Read \u202Busers \u05D0\u05D1");
      }

      JpaPersistence persistence = JpaPersistence.open(dataSource);
      try {
        Api api = persistence.apis().findById(new ApiId(API)).orElseThrow();
        assertThat(api.name()).isEqualTo("Users API");
        assertThat(api.audience()).isEqualTo("https://users.example.com");
        assertThat(persistence.apis().scopes(api.id()))
            .singleElement()
            .satisfies(
                scope -> {
                  assertThat(scope.key()).isEqualTo("read:users");
                  assertThat(scope.description()).isEqualTo("Read users \u05D0\u05D1");
                });
        assertThat(persistence.owners().findOrganization(new OrgCode("org_a")).orElseThrow().name())
            .isEqualTo("Acme gnp.exe");
        assertThat(persistence.owners().listOrganizations(PageRequest.first()).items()).hasSize(1);
      } finally {
        persistence.close();
      }
    }
  }

  @Test
  void givenTextOfNothingButControls_itBecomesAQuestionMark_neverEmpty() {
    assertThat(V4__StripBidirectionalControls.withoutBidirectionalControls("\u202E\u2066"))
        .isEqualTo("?");
    assertThat(V4__StripBidirectionalControls.withoutBidirectionalControls("plain"))
        .isEqualTo("plain");
  }

  private static void insert(Connection connection, String sql, String... values)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        insert.setString(i + 1, values[i]);
      }
      insert.executeUpdate();
    }
  }
}
