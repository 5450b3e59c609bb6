package dev.keygate.adapter.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration Keygate carries, told by one query: then opening
 * it skips Flyway, whose start is a good part of a short command's run. When in doubt (no history
 * yet, a failed migration, migrations that cannot be listed), the answer is no and Flyway runs.
 */
final class SchemaVersions {

  static final String LOCATION = "db/migration";

  private static final String HISTORY = "flyway_schema_history";

  private static final Pattern SQL_MIGRATION = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

  private SchemaVersions() {}

  /**
   * Whether {@code dataSource}'s Flyway history records every migration in {@link #LOCATION} and
   * the {@code javaMigrations} as applied, and none as failed.
   */
  static boolean allApplied(DataSource dataSource, Collection<Class<?>> javaMigrations) {
    Optional<Set<String>> carried = carried(javaMigrations);
    if (carried.isEmpty()) {
      return false;
    }
    Set<String> applied = new HashSet<>();
    try (Connection connection = dataSource.getConnection()) {
      // Flyway keeps its history in the connection's schema. Asked for first rather than queried
      // blindly: a query on a missing table is an error H2 would write to a trace file.
      String schema = connection.getSchema();
      try (ResultSet tables =
          connection.getMetaData().getTables(null, schema, HISTORY, new String[] {"TABLE"})) {
        if (!tables.next()) {
          return false;
        }
      }
      try (Statement statement = connection.createStatement();
          ResultSet history =
              statement.executeQuery(
                  "select \"version\", \"success\" from "
                      + quoted(schema)
                      + "."
                      + quoted(HISTORY))) {
        while (history.next()) {
          if (!history.getBoolean(2)) {
            return false;
          }
          applied.add(history.getString(1));
        }
      }
    } catch (SQLException unreadable) {
      return false;
    }
    return applied.containsAll(carried.get());
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The versions of the migrations this code carries; empty when they cannot be listed. */
  static Optional<Set<String>> carried(Collection<Class<?>> javaMigrations) {
    Set<String> versions = new HashSet<>();
    for (Class<?> migration : javaMigrations) {
      versions.add(version(migration.getSimpleName() + ".sql").orElseThrow());
    }
    try {
      Enumeration<URL> locations = SchemaVersions.class.getClassLoader().getResources(LOCATION);
      boolean found = false;
      while (locations.hasMoreElements()) {
        if (!addVersions(locations.nextElement(), versions)) {
          return Optional.empty();
        }
        found = true;
      }
      return found ? Optional.of(versions) : Optional.empty();
    } catch (IOException | UncheckedIOException | URISyntaxException unreadable) {
      return Optional.empty();
    }
  }

  /** Adds the versions of the migrations at {@code location}; false if it cannot be listed. */
  private static boolean addVersions(URL location, Set<String> versions)
      throws IOException, URISyntaxException {
    if (location.getProtocol().equals("file")) {
      try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
        files.forEach(file -> version(file.getFileName().toString()).ifPresent(versions::add));
      }
      return true;
    }
    if (location.getProtocol().equals("jar")
        && location.openConnection() instanceof JarURLConnection connection) {
      connection.setUseCaches(true);
      JarFile jar = connection.getJarFile();
      String prefix = LOCATION + "/";
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
          version(name.substring(prefix.length())).ifPresent(versions::add);
        }
      }
      return true;
    }
    return false;
  }

  /** "8" for V8__webhooks.sql, "1.2" for V1_2__x.sql: as Flyway records it. */
  private static Optional<String> version(String fileName) {
    Matcher matcher = SQL_MIGRATION.matcher(fileName);
    return matcher.matches() ? Optional.of(matcher.group(1).replace('_', '.')) : Optional.empty();
  }
}
