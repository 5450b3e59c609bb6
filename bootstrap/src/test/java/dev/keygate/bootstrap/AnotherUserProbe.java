package dev.keygate.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * What another OS user on the host tries against Keygate's embedded database, one line per attempt
 * ({@code attempt: ALLOWED} or {@code attempt: refused <why>}). {@link AnotherOsUser} runs this
 * file with the JDK's source launcher as {@code nobody}, with nothing but H2 on its classpath, so
 * it uses nothing else.
 *
 * <p>Arguments: the data directory, then optionally the auto-server's address and key as its lock
 * file tells them.
 */
public final class AnotherUserProbe {

  private AnotherUserProbe() {}

  public static void main(String[] args) {
    Path directory = Path.of(args[0]);
    attempt("list the data directory", () -> list(directory));
    attempt("read the credentials file", () -> read(directory.resolve("credentials.properties")));
    attempt("read the database file", () -> read(directory.resolve("keygate.mv.db")));
    attempt("read the lock file", () -> read(directory.resolve("keygate.lock.db")));
    String file = "jdbc:h2:file:" + directory.resolve("keygate");
    attempt(
        "open the database file with empty credentials",
        () -> connect(file + ";AUTO_SERVER=TRUE", "", ""));
    attempt(
        "open the database file read-only with empty credentials",
        () -> connect(file + ";ACCESS_MODE_DATA=r", "", ""));
    if (args.length == 3) {
      String server = "jdbc:h2:tcp://" + args[1] + "/" + args[2];
      attempt("connect to the auto-server with empty credentials", () -> connect(server, "", ""));
      attempt(
          "connect to the auto-server with a wrong password",
          () -> connect(server, "keygate", "not-the-password"));
    }
  }

  private interface Attempt {
    void run() throws IOException, SQLException;
  }

  private static void attempt(String name, Attempt attempt) {
    String outcome;
    try {
      attempt.run();
      outcome = "ALLOWED";
    } catch (SQLException e) {
      outcome = "refused SQLState " + e.getSQLState();
    } catch (IOException e) {
      outcome = "refused " + e.getClass().getSimpleName();
    }
    System.out.println(name + ": " + outcome);
  }

  private static void list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      files.count();
    }
  }

  private static void read(Path file) throws IOException {
    Files.readAllBytes(file);
  }

  private static void connect(String url, String user, String password) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      connection.createStatement().executeQuery("select count(*) from key_secrets").close();
    }
  }
}
