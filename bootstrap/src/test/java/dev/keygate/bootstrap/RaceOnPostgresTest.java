package dev.keygate.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The races of {@link RaceCases} against {@code keygate serve} on a real PostgreSQL. */
class RaceOnPostgresTest extends RaceCases {

  @TempDir static Path directory;

  private static EmbeddedPostgres postgres;
  private static ServingKeygate server;

  @BeforeAll
  static void serve() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    Map<String, String> environment = Cli.environment(directory);
    environment.put("KEYGATE_DB_URL", url());
    environment.put("KEYGATE_DB_USER", "postgres");
    environment.put("KEYGATE_DB_PASSWORD", "postgres");
    server = ServingKeygate.serve(environment, directory);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (server != null) {
        server.stop();
      }
    } finally {
      postgres.close();
    }
  }

  private static String url() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  ServingKeygate server() {
    return server;
  }

  @Override
  Connection database() throws SQLException {
    return DriverManager.getConnection(url(), "postgres", "postgres");
  }
}
