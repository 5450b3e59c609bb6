package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.in.IssuedApiKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes starting on one empty database at the same moment, as a fleet's first deploy does: between
 * them they print one root key, and the database holds one management key.
 */
class ConcurrentInitializationTest {

  private static final int NODES = 4;

  @TempDir Path directory;

  @Test
  void nodesInitializingOneEmptyH2FileAtOnce_printOneRootKeyBetweenThem() throws Exception {
    String url = "jdbc:h2:file:" + directory.resolve("keygate") + ";AUTO_SERVER=TRUE";

    race(url, Optional.empty(), () -> DriverManager.getConnection(url));
  }

  @Test
  void nodesStartingOnTheEmbeddedDefaultInAnEmptyDirectoryAtOnce_shareOneCredential_andOneRootKey()
      throws Exception {
    KeygateNode.Settings settings =
        Configuration.resolve(
                new EnumMap<>(Configuration.Setting.class),
                Map.of("KEYGATE_ARGON2_MEMORY_KIB", "256", "KEYGATE_ARGON2_ITERATIONS", "1"),
                directory)
            .nodeSettings(Optional.empty());
    List<KeygateNode> nodes = Collections.synchronizedList(new ArrayList<>());
    List<Optional<IssuedApiKey>> printed;
    try {
      // Each node makes the directory, the credentials and the database, or finds them made.
      printed =
          RaceCases.all(
              NODES,
              node -> {
                KeygateNode opened = KeygateNode.open(settings);
                nodes.add(opened);
                return InitCommand.initialize(opened);
              });
    } finally {
      nodes.forEach(KeygateNode::close);
    }

    assertThat(printed.stream().filter(Optional::isPresent)).hasSize(1);
    Properties credentials = new Properties();
    try (Reader reader =
        Files.newBufferedReader(directory.resolve("keygate-data/credentials.properties"))) {
      credentials.load(reader);
    }
    assertThat(
            managementKeys(
                () ->
                    DriverManager.getConnection(
                        "jdbc:h2:file:" + directory.resolve("keygate-data/keygate"),
                        credentials.getProperty("user"),
                        credentials.getProperty("password"))))
        .isEqualTo(1);
  }

  @Test
  void nodesInitializingOneEmptyPostgresAtOnce_printOneRootKeyBetweenThem() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");

      race(
          url,
          Optional.of("postgres"),
          () -> DriverManager.getConnection(url, "postgres", "postgres"));
    }
  }

  interface Database {
    Connection connect() throws SQLException;
  }

  private void race(String url, Optional<String> user, Database database) throws Exception {
    Map<String, String> environment = new HashMap<>();
    environment.put("KEYGATE_DB_URL", url);
    user.ifPresent(
        name -> {
          environment.put("KEYGATE_DB_USER", name);
          environment.put("KEYGATE_DB_PASSWORD", name);
        });
    KeygateNode.Settings settings =
        Configuration.resolve(new EnumMap<>(Configuration.Setting.class), environment, directory)
            .nodeSettings(Optional.empty());
    // Migrated first, so that the nodes race on initializing alone.
    KeygateNode.open(settings).close();
    List<KeygateNode> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < NODES; i++) {
        nodes.add(KeygateNode.open(settings));
      }

      List<Optional<IssuedApiKey>> printed =
          RaceCases.all(NODES, node -> InitCommand.initialize(nodes.get(node)));

      assertThat(printed.stream().filter(Optional::isPresent)).hasSize(1);
      assertThat(managementKeys(database)).isEqualTo(1);
    } finally {
      nodes.forEach(KeygateNode::close);
    }
  }

  private static int managementKeys(Database database) throws SQLException {
    try (Connection connection = database.connect();
        Statement query = connection.createStatement();
        ResultSet count =
            query.executeQuery(
                "select count(*) from api_keys k join apis a on a.id = k.api_id"
                    + " where a.audience = 'keygate-management'")) {
      count.next();
      return count.getInt(1);
    }
  }
}
