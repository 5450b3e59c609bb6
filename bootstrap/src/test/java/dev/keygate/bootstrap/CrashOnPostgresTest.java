package dev.keygate.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link CrashCases} on a real PostgreSQL, which the child reaches through its URL. */
class CrashOnPostgresTest extends CrashCases {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  Database database() {
    return new Database(
        postgres.getJdbcUrl("postgres", "postgres"),
        Optional.of("postgres"),
        Optional.of("postgres"));
  }
}
