package dev.keygate.bootstrap;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The races of {@link RaceCases} against {@code keygate serve} on the embedded H2 file. */
class RaceOnH2FileTest extends RaceCases {

  @TempDir static Path directory;

  private static ServingKeygate server;

  @BeforeAll
  static void serve() {
    server = ServingKeygate.serve(directory);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Override
  ServingKeygate server() {
    return server;
  }

  @Override
  Connection database() throws SQLException {
    return DriverManager.getConnection(Cli.h2Url(directory));
  }
}
