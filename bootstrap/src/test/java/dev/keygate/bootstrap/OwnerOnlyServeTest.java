package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keygate serve} on the default embedded database, in a process of its own as the runnable
 * jar runs it, from a fresh working directory that other users may enter (0755, as a home or a
 * clone usually is): while it runs, its data is its owner's alone (issue 13; README, "The embedded
 * database"). One server for the class: each test looks at it from another side. Linux only (it
 * reads {@code /proc}); the two tests as another OS user need root and are skipped, saying so,
 * where the tests run without it (see {@link AnotherOsUser}).
 */
class OwnerOnlyServeTest {

  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  @TempDir static Path temp;

  private static Path workingDirectory;
  private static Path logs;
  private static KeygateProcess serve;
  private static int httpPort;

  @BeforeAll
  static void serve() throws Exception {
    workingDirectory = Files.createDirectory(temp.resolve("work"));
    logs = Files.createDirectory(temp.resolve("logs"));
    // Others may enter the temp directory and the working directory, as on a real host; the data
    // directory's own mode is what must keep them out.
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(workingDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
    serve =
        KeygateProcess.start(
            workingDirectory,
            logs,
            KeygateProcess.cheapEnvironment(),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0");
    httpPort = serve.awaitServing();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (serve != null) {
      serve.close();
    }
  }

  private static Path dataDirectory() {
    return workingDirectory.resolve("keygate-data");
  }

  @Test
  void givenServeOnAFreshDirectory_whileItRuns_theDataDirectoryIs0700_andEveryFileIn0600()
      throws IOException {
    assertThat(Files.getPosixFilePermissions(dataDirectory())).isEqualTo(OWNER_ONLY_DIRECTORY);
    List<Path> files;
    try (Stream<Path> listed = Files.list(dataDirectory())) {
      files = listed.toList();
    }
    // H2 makes the lock file when it opens the database, after Keygate made the directory and the
    // credentials: the process's umask is what keeps it and every later file private.
    assertThat(files)
        .extracting(file -> file.getFileName().toString())
        .contains("credentials.properties", "keygate.mv.db", "keygate.lock.db");
    for (Path file : files) {
      assertThat(Files.getPosixFilePermissions(file))
          .as(file.toString())
          .isEqualTo(OWNER_ONLY_FILE);
    }
  }

  @Test
  void givenServe_itsUmaskIs077_soThatEveryFileItMakesLaterIsItsOwners() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads /proc: Linux only");

    List<String> status =
        Files.readAllLines(Path.of("/proc", String.valueOf(serve.pid()), "status"));

    assertThat(status).contains("Umask:\t0077");
  }

  @Test
  void givenServe_everySocketItListensOn_isOnLoopback_theHttpPortAndTheAutoServer()
      throws IOException {
    Assumptions.assumeTrue(ListeningSockets.readable(), "reads /proc/net/tcp: Linux only");

    List<InetSocketAddress> listening = ListeningSockets.of(serve.pid());

    assertThat(listening)
        .allSatisfy(
            socket ->
                assertThat(socket.getAddress().isLoopbackAddress())
                    .as("listens on %s", socket)
                    .isTrue());
    assertThat(listening)
        .extracting(InetSocketAddress::getPort)
        .contains(httpPort, autoServerPort());
  }

  @Test
  void givenServe_theLockFileNamesALoopbackAddress_andTheCliBesideItOpensTheDatabaseThroughIt()
      throws Exception {
    String address = lockFile().getProperty("server");
    assertThat(
            InetAddress.getByName(address.substring(0, address.lastIndexOf(':')))
                .isLoopbackAddress())
        .as(address)
        .isTrue();

    Cli.Result created =
        KeygateProcess.run(
            workingDirectory,
            logs,
            KeygateProcess.cheapEnvironment(),
            "orgs",
            "create",
            "--name",
            "Made beside the server",
            "--code",
            "org_beside");
    Cli.Result listed =
        KeygateProcess.run(
            workingDirectory, logs, KeygateProcess.cheapEnvironment(), "orgs", "list");

    assertThat(created.code()).as(created.err()).isZero();
    assertThat(listed.out()).contains("org_beside");
  }

  @Test
  void givenServe_anotherOsUser_cannotListReadOrOpenTheDatabase_norLogInToItsAutoServer()
      throws Exception {
    AnotherOsUser.assumeAvailable();
    Properties lock = lockFile();

    Map<String, String> outcomes =
        AnotherOsUser.probe(
            dataDirectory(),
            Optional.of(
                new AnotherOsUser.AutoServer(lock.getProperty("server"), lock.getProperty("id"))));

    assertThat(outcomes)
        .containsEntry("list the data directory", "refused AccessDeniedException")
        .containsEntry("read the credentials file", "refused AccessDeniedException")
        .containsEntry("read the database file", "refused AccessDeniedException")
        .containsEntry("read the lock file", "refused AccessDeniedException")
        // The auto-server is reachable on loopback, and even knowing its key (which the lock file
        // keeps from others) it refuses anyone without the password.
        .containsEntry(
            "connect to the auto-server with empty credentials", "refused SQLState 28000")
        .containsEntry(
            "connect to the auto-server with a wrong password", "refused SQLState 28000");
    assertThat(outcomes.get("open the database file with empty credentials")).startsWith("refused");
    assertThat(outcomes.get("open the database file read-only with empty credentials"))
        .startsWith("refused");
  }

  @Test
  void givenInitInAProcessOfItsOwn_anotherOsUser_cannotReadOrOpenTheDatabaseAtRest()
      throws Exception {
    AnotherOsUser.assumeAvailable();
    Path restingDirectory = Files.createDirectory(temp.resolve("resting"));
    Files.setPosixFilePermissions(restingDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
    Cli.Result init =
        KeygateProcess.run(restingDirectory, logs, KeygateProcess.cheapEnvironment(), "init");
    assertThat(init.code()).as(init.err()).isZero();

    Map<String, String> outcomes =
        AnotherOsUser.probe(restingDirectory.resolve("keygate-data"), Optional.empty());

    assertThat(outcomes)
        .containsEntry("list the data directory", "refused AccessDeniedException")
        .containsEntry("read the credentials file", "refused AccessDeniedException")
        .containsEntry("read the database file", "refused AccessDeniedException");
    assertThat(outcomes.get("open the database file with empty credentials")).startsWith("refused");
    assertThat(outcomes.get("open the database file read-only with empty credentials"))
        .startsWith("refused");
  }

  private static int autoServerPort() throws IOException {
    String address = lockFile().getProperty("server");
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  /** H2's lock file, which names the auto-server's address and key while the database is open. */
  private static Properties lockFile() throws IOException {
    Properties lock = new Properties();
    try (Reader reader = Files.newBufferedReader(dataDirectory().resolve("keygate.lock.db"))) {
      lock.load(reader);
    }
    return lock;
  }
}
