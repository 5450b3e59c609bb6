package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default embedded database, opened by commands run in-process from a working directory: it
 * lives in that directory's {@code keygate-data}, 0700 with every file 0600, behind credentials
 * kept there; a database made by an earlier version, with H2's empty user and password, is secured
 * when first opened and keeps its data.
 */
class OwnerOnlyDatabaseTest {

  @TempDir Path workingDirectory;

  /** Cheap Argon2 and any free port, and no database URL: the embedded default. */
  private static Map<String, String> defaults() {
    Map<String, String> environment = new HashMap<>();
    environment.put("KEYGATE_ARGON2_MEMORY_KIB", "256");
    environment.put("KEYGATE_ARGON2_ITERATIONS", "1");
    environment.put("KEYGATE_PORT", "0");
    return environment;
  }

  private Path dataDirectory() {
    return workingDirectory.resolve("keygate-data");
  }

  @Test
  void givenAFreshWorkingDirectory_init_makesTheDataDirectoryThere0700_withEveryFile0600()
      throws IOException {
    Cli.Result init = Cli.run(defaults(), workingDirectory, "init");

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(dataDirectory()).isDirectory();
    assertThat(Files.getPosixFilePermissions(dataDirectory()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(filesIn(dataDirectory()))
        .extracting(file -> file.getFileName().toString())
        .contains("credentials.properties", "keygate.mv.db");
    for (Path file : filesIn(dataDirectory())) {
      assertThat(Files.getPosixFilePermissions(file))
          .as(file.toString())
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
    String password = credentials().getProperty("password");
    assertThat(password).hasSizeGreaterThanOrEqualTo(22); // 128 bits in base64
    assertThat(init.out() + init.err()).doesNotContain(password);
  }

  @Test
  void givenAFreshWorkingDirectory_theCliAndTheServerShareOneDatabase_throughItsCredentials() {
    Cli.Result init = Cli.run(defaults(), workingDirectory, "init");
    Cli.Result created =
        Cli.run(defaults(), workingDirectory, "orgs", "create", "--name", "Acme", "--code", "acme");

    try (ServingKeygate server = ServingKeygate.serve(defaults(), workingDirectory)) {
      assertThat(dataDirectory().resolve("credentials.properties")).exists();
      String root = Cli.tokensIn(init.out()).get(0);
      assertThat(created.code()).as(created.err()).isZero();
      assertThat(server.get("/api/v1/organizations", root).hasStatus(200).body())
          .contains("\"acme\"");
      assertThat(server.printedTokens()).as("initialised once, by init").isEmpty();
    }
  }

  @Test
  void givenADatabaseMadeByAnEarlierVersion_theCliOpensIt_keepsItsData_andSecuresIt()
      throws Exception {
    // What the earlier default made: H2's empty user and password, a 0755 directory, 0644 files.
    Deployment.prepare(dataDirectory());
    Files.setPosixFilePermissions(dataDirectory(), PosixFilePermissions.fromString("rwxr-xr-x"));
    for (Path file : filesIn(dataDirectory())) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
    String url = "jdbc:h2:file:" + dataDirectory().resolve("keygate");
    DriverManager.getConnection(url, "", "").close();

    Cli.Result orgs = Cli.run(defaults(), workingDirectory, "orgs", "list");

    assertThat(orgs.code()).as(orgs.err()).isZero();
    assertThat(orgs.out()).contains("org_acme");
    assertThat(Files.getPosixFilePermissions(dataDirectory()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    for (Path file : filesIn(dataDirectory())) {
      assertThat(Files.getPosixFilePermissions(file))
          .as(file.toString())
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
    assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close())
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
    Properties credentials = credentials();
    try (Connection connection =
            DriverManager.getConnection(
                url, credentials.getProperty("user"), credentials.getProperty("password"));
        ResultSet users =
            connection
                .createStatement()
                .executeQuery("select user_name from information_schema.users")) {
      assertThat(users.next()).isTrue();
      assertThat(users.getString(1)).isEqualTo("KEYGATE");
      assertThat(users.next()).as("the empty user is gone").isFalse();
    }
  }

  @Test
  void givenAnExplicitUrl_theConfiguredUserAndPasswordAreUsed_andNoDataDirectoryIsMade() {
    Map<String, String> environment = defaults();
    environment.put(
        "KEYGATE_DB_URL", "jdbc:h2:file:" + workingDirectory.resolve("elsewhere/keygate"));
    environment.put("KEYGATE_DB_USER", "ops");
    environment.put("KEYGATE_DB_PASSWORD", "ops-password");
    Cli.Result init = Cli.run(environment, workingDirectory, "init");
    environment.put("KEYGATE_DB_PASSWORD", "wrong");
    Cli.Result wrongPassword = Cli.run(environment, workingDirectory, "orgs", "list");

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(wrongPassword.code()).isEqualTo(5);
    assertThat(wrongPassword.err()).contains("Wrong user name or password");
    assertThat(dataDirectory()).doesNotExist();
  }

  private Properties credentials() throws IOException {
    Properties credentials = new Properties();
    try (Reader reader =
        Files.newBufferedReader(dataDirectory().resolve("credentials.properties"))) {
      credentials.load(reader);
    }
    return credentials;
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }
}
