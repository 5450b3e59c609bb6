package dev.keygate.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default database: its directory and files private, its credentials made once and
 * shared by every node, a database made by an earlier version secured, and the password in no
 * message.
 */
class EmbeddedDatabaseTest {

  @TempDir Path workingDirectory;

  private Path directory() {
    return workingDirectory.resolve(EmbeddedDatabase.DIRECTORY);
  }

  /** Opens the database in {@link #directory()} as a node does, and closes its pool again. */
  private EmbeddedDatabase openAndClose() {
    EmbeddedDatabase database = EmbeddedDatabase.open(directory());
    database.pool().close();
    return database;
  }

  /** The database file's URL as an earlier version named it, without AUTO_SERVER. */
  private String legacyUrl() {
    return "jdbc:h2:file:" + directory().resolve("keygate");
  }

  @Test
  void givenNoDirectory_open_makesIt0700_withCredentials0600_andA256BitPassword()
      throws IOException {
    EmbeddedDatabase database = openAndClose();

    assertThat(Files.getPosixFilePermissions(directory()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(database.credentialsFile()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(database.credentialsFile()).isEqualTo(directory().resolve("credentials.properties"));
    assertThat(database.user()).isEqualTo("keygate");
    assertThat(Base64.getUrlDecoder().decode(database.password())).hasSize(32);
    assertThat(Files.readString(database.credentialsFile()))
        .contains("user=keygate\n", "password=" + database.password() + "\n");
    assertThat(database.jdbcUrl())
        .startsWith("jdbc:h2:file:" + directory().toAbsolutePath().resolve("keygate"));
    assertThat(filesIn(directory()))
        .extracting(file -> file.getFileName().toString())
        .containsExactlyInAnyOrder("credentials.properties", "keygate.mv.db");
  }

  @Test
  void givenAnotherOpen_itGetsTheSameCredentials_andEachDirectoryItsOwn() {
    EmbeddedDatabase first = EmbeddedDatabase.open(directory());
    EmbeddedDatabase again = EmbeddedDatabase.open(directory());
    EmbeddedDatabase elsewhere = EmbeddedDatabase.open(workingDirectory.resolve("other"));

    assertThat(again.password()).isEqualTo(first.password());
    assertThat(elsewhere.password()).isNotEqualTo(first.password());
  }

  @Test
  void givenADirectoryOpenToEveryone_open_tightensItAndEveryFileInIt() throws IOException {
    Files.createDirectory(directory());
    Files.setPosixFilePermissions(directory(), PosixFilePermissions.fromString("rwxrwxrwx"));
    Path left = Files.writeString(directory().resolve("keygate.trace.db"), "an old trace");
    Files.setPosixFilePermissions(left, PosixFilePermissions.fromString("rw-rw-rw-"));

    EmbeddedDatabase.open(directory());

    assertThat(Files.getPosixFilePermissions(directory()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    for (Path file : filesIn(directory())) {
      assertThat(Files.getPosixFilePermissions(file))
          .as(file.toString())
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void givenItsPool_theFilesH2MakesOnOpeningAreTheOwnersToo_whateverTheUmask() throws IOException {
    EmbeddedDatabase database = EmbeddedDatabase.open(directory());

    try (HikariDataSource pool = database.pool()) {
      assertThat(filesIn(directory())).isNotEmpty();
      for (Path file : filesIn(directory())) {
        assertThat(Files.getPosixFilePermissions(file))
            .as(file.toString())
            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      }
    }
  }

  @Test
  void givenNodesOpeningOneEmptyDirectoryAtOnce_allGetTheCredentialsOfTheFirst() throws Exception {
    int nodes = 8;
    List<EmbeddedDatabase> opened = atOnce(nodes, this::openAndClose);

    assertThat(opened)
        .extracting(EmbeddedDatabase::password)
        .containsOnly(opened.get(0).password());
    assertThat(filesIn(directory()))
        .extracting(file -> file.getFileName().toString())
        .contains("credentials.properties", "keygate.mv.db")
        .noneMatch(name -> name.startsWith(".draft-"));
  }

  @Test
  void givenADatabaseMadeByAnEarlierVersion_open_keepsItsData_andItRefusesEmptyCredentialsAfter()
      throws Exception {
    Files.createDirectory(directory());
    try (Connection earlier = DriverManager.getConnection(legacyUrl(), "", "");
        Statement statement = earlier.createStatement()) {
      statement.executeUpdate("create table kept(v varchar(10))");
      statement.executeUpdate("insert into kept values ('still here')");
    }

    EmbeddedDatabase database = openAndClose();

    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement statement = connection.createStatement();
        ResultSet kept = statement.executeQuery("select v from kept")) {
      assertThat(kept.next()).isTrue();
      assertThat(kept.getString(1)).isEqualTo("still here");
      assertThat(users(connection)).containsExactly("KEYGATE");
    }
    assertRefused(database.jdbcUrl(), "", "");
  }

  @Test
  void givenAnEarlierDatabaseOpenedByNodesAtOnce_allLogInWithOneCredential_andNoEmptyUserIsLeft()
      throws Exception {
    Files.createDirectory(directory());
    DriverManager.getConnection(legacyUrl(), "", "").close();

    List<EmbeddedDatabase> opened = atOnce(4, this::openAndClose);

    EmbeddedDatabase database = opened.get(0);
    assertThat(opened).extracting(EmbeddedDatabase::password).containsOnly(database.password());
    try (Connection connection =
        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      assertThat(users(connection)).containsExactly("KEYGATE");
    }
  }

  @Test
  void givenAnUpgradeStoppedBeforeTheEmptyUserWasDropped_open_dropsIt() throws Exception {
    EmbeddedDatabase database = openAndClose();
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("create user \"\" password '' admin");
    }

    openAndClose();

    assertRefused(database.jdbcUrl(), "", "");
  }

  @Test
  void givenADatabaseWithAPasswordButNoCredentialsFile_open_failsNamingTheFile_andMakesNone()
      throws Exception {
    Files.createDirectory(directory());
    DriverManager.getConnection(legacyUrl(), "ops", "secret-of-ops").close();

    assertThatThrownBy(() -> EmbeddedDatabase.open(directory()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no credentials.properties and refuses an empty password")
        .hasMessageContaining("KEYGATE_DB_URL");
    assertThat(directory().resolve("credentials.properties")).doesNotExist();
  }

  @Test
  void givenCredentialsTheDatabaseRefuses_itsPool_failsNamingTheFile_butNeverThePassword()
      throws Exception {
    EmbeddedDatabase database = openAndClose();
    Path file = database.credentialsFile();
    String replaced = "replaced-" + database.password();
    Files.writeString(file, "user=keygate\npassword=" + replaced + "\n");

    assertThatThrownBy(this::openAndClose)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refuses the credentials in " + file)
        .hasMessageNotContaining(database.password())
        .hasMessageNotContaining(replaced);
  }

  @Test
  void givenACredentialsFileWithoutAPassword_open_saysSo() throws Exception {
    Files.createDirectory(directory());
    Files.writeString(directory().resolve("credentials.properties"), "user=keygate\n");

    assertThatThrownBy(() -> EmbeddedDatabase.open(directory()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must hold a user and a password");
  }

  @Test
  void toString_showsTheUrlAndTheUser_neverThePassword() {
    EmbeddedDatabase database = EmbeddedDatabase.open(directory());

    assertThat(database.toString())
        .contains(database.jdbcUrl(), "keygate")
        .doesNotContain(database.password());
    assertThat(EmbeddedCredentials.read(database.credentialsFile()).orElseThrow().toString())
        .isEqualTo("EmbeddedCredentials[user=keygate, password=***]");
  }

  @Test
  void isLoopback_onlyForLoopbackAddresses() {
    assertThat(EmbeddedDatabase.isLoopback("127.0.0.1")).isTrue();
    assertThat(EmbeddedDatabase.isLoopback("::1")).isTrue();
    assertThat(EmbeddedDatabase.isLoopback("localhost")).isTrue();
    assertThat(EmbeddedDatabase.isLoopback(null)).as("H2's default: every address").isFalse();
    assertThat(EmbeddedDatabase.isLoopback("")).isFalse();
    assertThat(EmbeddedDatabase.isLoopback("0.0.0.0")).isFalse();
    assertThat(EmbeddedDatabase.isLoopback("192.0.2.1")).isFalse();
  }

  private static void assertRefused(String url, String user, String password) {
    assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close())
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
  }

  private static List<String> users(Connection connection) throws SQLException {
    List<String> users = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select user_name from information_schema.users")) {
      while (rows.next()) {
        users.add(rows.getString(1));
      }
    }
    return users;
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }

  private interface Open {
    EmbeddedDatabase open();
  }

  /** {@code count} calls started at one moment. */
  private static List<EmbeddedDatabase> atOnce(int count, Open call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<EmbeddedDatabase>> pending = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        pending.add(
            threads.submit(
                () -> {
                  go.await();
                  return call.open();
                }));
      }
      go.countDown();
      List<EmbeddedDatabase> results = new ArrayList<>();
      for (Future<EmbeddedDatabase> done : pending) {
        results.add(done.get(1, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
