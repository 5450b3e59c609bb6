package dev.keygate.adapter.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.api.ErrorCode;
import org.h2.engine.SysProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keygate's default database, its owner's alone: an H2 file in a data directory that only its owner
 * may enter (0700, its files 0600), behind a user and a random password made when it is first
 * opened and kept beside it in {@value #CREDENTIALS_FILE} (0600), which the server and the command
 * line both read. Opened with {@code AUTO_SERVER=TRUE}, so that they can share it, when H2's
 * auto-server listens on loopback only; a database made by an earlier version, with H2's empty user
 * and password, is given the credentials when first opened.
 */
public final class EmbeddedDatabase {

  /** The data directory's name in the working directory. */
  public static final String DIRECTORY = "keygate-data";

  /** The file in the data directory that holds the database's user and password. */
  public static final String CREDENTIALS_FILE = "credentials.properties";

  /** The user made for a new database. */
  static final String USER = "keygate";

  private static final String DATABASE = "keygate";
  private static final String BIND_ADDRESS = "h2.bindAddress";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final AtomicBoolean WARNED_NO_AUTO_SERVER = new AtomicBoolean();

  private final Path directory;
  private final String jdbcUrl;
  private final EmbeddedCredentials credentials;

  private EmbeddedDatabase(Path directory, String jdbcUrl, EmbeddedCredentials credentials) {
    this.directory = directory;
    this.jdbcUrl = jdbcUrl;
    this.credentials = credentials;
  }

  /**
   * Makes H2's auto-servers in this JVM listen on loopback only, unless {@code h2.bindAddress} is
   * already set. H2 reads it once, when it is first used: the runnable jar calls this before
   * anything else, and {@link #open} calls it too.
   */
  public static void bindAutoServersToLoopback() {
    if (System.getProperty(BIND_ADDRESS) == null) {
      System.setProperty(BIND_ADDRESS, InetAddress.getLoopbackAddress().getHostAddress());
    }
  }

  /**
   * The embedded database in {@code directory}, with the directory made its owner's alone and the
   * credentials read, or made for a new database (or one an earlier version left open to anyone);
   * several nodes may do this at once on one directory. {@link #pool()} logs in.
   *
   * @throws IllegalStateException when an existing database has no credentials file and refuses an
   *     empty password, naming the files but never a password
   * @throws UncheckedIOException when the directory or the credentials cannot be made or read
   */
  public static EmbeddedDatabase open(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    if (absolute.toString().contains(";")) {
      throw new IllegalArgumentException(
          "the embedded database's directory must not contain ';' (H2 would read it as a setting): "
              + absolute);
    }
    try {
      OwnerOnlyFiles.prepare(absolute);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + absolute + " its owner's alone", e);
    }
    bindAutoServersToLoopback();
    String url = "jdbc:h2:file:" + absolute.resolve(DATABASE);
    if (isLoopback(SysProperties.BIND_ADDRESS)) {
      url += ";AUTO_SERVER=TRUE";
    } else if (WARNED_NO_AUTO_SERVER.compareAndSet(false, true)) {
      LOG.warn(
          "H2 listens on {} (h2.bindAddress, read when H2 was first used in this JVM): the"
              + " embedded database in {} opens without AUTO_SERVER, so no other process can share"
              + " it while it is open. Start this JVM with -Dh2.bindAddress=127.0.0.1 to share it.",
          SysProperties.BIND_ADDRESS == null ? "every address" : SysProperties.BIND_ADDRESS,
          absolute);
    }
    return new EmbeddedDatabase(absolute, url, credentials(absolute, url));
  }

  /** The credentials file's, or new ones: only for a new database or one open to anyone. */
  private static EmbeddedCredentials credentials(Path directory, String url) {
    Path file = directory.resolve(CREDENTIALS_FILE);
    // Looked at before the file: a node making a new database writes the file first.
    boolean databaseExists = Files.exists(directory.resolve(DATABASE + ".mv.db"));
    Optional<EmbeddedCredentials> kept = EmbeddedCredentials.read(file);
    if (kept.isPresent()) {
      return kept.get();
    }
    if (databaseExists && !opensWithoutPassword(url)) {
      // Or another node secured it meanwhile, having written the file first.
      kept = EmbeddedCredentials.read(file);
      if (kept.isPresent()) {
        return kept.get();
      }
      throw new IllegalStateException(
          "the embedded database in "
              + directory
              + " has no "
              + CREDENTIALS_FILE
              + " and refuses an empty password: put back the "
              + CREDENTIALS_FILE
              + " that was made with it, or name it with KEYGATE_DB_URL, KEYGATE_DB_USER and"
              + " KEYGATE_DB_PASSWORD");
    }
    return EmbeddedCredentials.generate(new SecureRandom()).writeOrReadWinner(file);
  }

  /**
   * Logs in with the credentials; when they are refused, secures a database made by an earlier
   * version through its empty user and password, then logs in. Either way, no user without a
   * password is left.
   */
  private Connection secure() throws SQLException {
    Optional<Connection> loggedIn = logIn();
    if (loggedIn.isEmpty()) {
      try (Connection legacy = connectWithoutPassword(jdbcUrl)) {
        LOG.info(
            "Securing the embedded database in {} made by an earlier Keygate: its user is now the"
                + " one in {}",
            directory,
            credentialsFile());
        try (PreparedStatement create =
            legacy.prepareStatement(
                "create user if not exists " + quotedUser() + " password ? admin")) {
          create.setString(1, credentials.password());
          create.executeUpdate();
        }
        dropEmptyUser(legacy);
      } catch (SQLException e) {
        if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
          throw e;
        }
        // No empty login either: another node secured the database a moment ago, or the file is
        // not the one made with the database.
      }
      loggedIn = logIn();
    }
    Connection connection =
        loggedIn.orElseThrow(
            () ->
                new IllegalStateException(
                    "the embedded database in "
                        + directory
                        + " refuses the credentials in "
                        + credentialsFile()
                        + ": put back the file that was made with it, or name it with"
                        + " KEYGATE_DB_URL, KEYGATE_DB_USER and KEYGATE_DB_PASSWORD"));
    try {
      dropEmptyUser(connection);
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** A connection with the credentials, unless the database refuses them. */
  private Optional<Connection> logIn() throws SQLException {
    try {
      return Optional.of(
          DriverManager.getConnection(jdbcUrl, credentials.user(), credentials.password()));
    } catch (SQLException e) {
      if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** H2's empty user, which earlier versions logged in as with an empty password. */
  private static void dropEmptyUser(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet empty =
            statement.executeQuery(
                "select count(*) from information_schema.users where user_name = ''")) {
      empty.next();
      if (empty.getInt(1) == 0) {
        return;
      }
    }
    try (Statement drop = connection.createStatement()) {
      drop.executeUpdate("drop user if exists \"\"");
    }
  }

  private static boolean opensWithoutPassword(String url) {
    try (Connection connection = connectWithoutPassword(url)) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static Connection connectWithoutPassword(String url) throws SQLException {
    // IFEXISTS: trying the old login must never make a new, empty database.
    return DriverManager.getConnection(url + ";IFEXISTS=TRUE", "", "");
  }

  private String quotedUser() {
    // H2 keeps user names in upper case, as it reads them when one logs in.
    return "\"" + credentials.user().toUpperCase(Locale.ROOT) + "\"";
  }

  /** Whether {@code address} (H2's bind address; null: every address) is a loopback address. */
  static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address.strip()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * A HikariCP pool on the database, logged in with the credentials; a database made by an earlier
   * version is secured first. The files H2 makes as it opens the database are made the owner's
   * alone too, whatever the process's umask (a host application keeps its own).
   *
   * @throws IllegalStateException when the database refuses the credentials (the file was replaced
   *     or lost) or cannot be opened, naming the files but never the password
   */
  public HikariDataSource pool() {
    // Held while the pool opens, so that H2 opens the database file once, not once for this
    // check and again for the pool.
    try (Connection held = secure()) {
      HikariDataSource pool = DataSources.pool(jdbcUrl, credentials.user(), credentials.password());
      try {
        OwnerOnlyFiles.tighten(directory);
      } catch (IOException e) {
        pool.close();
        throw new UncheckedIOException("cannot make the files in " + directory + " private", e);
      }
      return pool;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open the embedded database in " + directory + ": " + e.getMessage(), e);
    }
  }

  public Path credentialsFile() {
    return directory.resolve(CREDENTIALS_FILE);
  }

  /** Such as {@code jdbc:h2:file:/srv/keygate/keygate-data/keygate;AUTO_SERVER=TRUE}. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public String user() {
    return credentials.user();
  }

  /** The password; keep it out of logs and messages. */
  public String password() {
    return credentials.password();
  }

  /** The URL and the user; never the password. */
  @Override
  public String toString() {
    return "EmbeddedDatabase[" + jdbcUrl + ", user " + credentials.user() + "]";
  }
}
