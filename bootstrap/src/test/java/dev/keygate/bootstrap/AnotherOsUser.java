package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Another OS user on the same host: {@code nobody}, reached with {@code runuser} (or {@code
 * setpriv}) from a test running as root, runs {@link AnotherUserProbe}. Only root can switch users,
 * so where the tests do not run as root (or on a host without either tool, or not Linux) the tests
 * that need this are skipped, saying why; CI runs them as root.
 */
final class AnotherOsUser {

  private static final Path RUNUSER = Path.of("/usr/sbin/runuser");
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private AnotherOsUser() {}

  /** Skips the calling test, saying why, unless this test can act as {@code nobody}. */
  static void assumeAvailable() {
    Assumptions.assumeTrue(
        Files.isDirectory(Path.of("/proc/self")), "needs Linux: another OS user is tried there");
    Assumptions.assumeTrue(
        uid() == 0,
        "needs root to act as another OS user (nobody); this test runs as uid " + uid());
    Assumptions.assumeTrue(
        nobody().isPresent(), "needs the OS user nobody, which /etc/passwd does not have");
    Assumptions.assumeTrue(
        Files.isExecutable(RUNUSER) || Files.isExecutable(SETPRIV),
        "needs runuser or setpriv (util-linux) to act as nobody");
  }

  /** The effective uid of this JVM. */
  static int uid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException e) {
      return -1;
    }
  }

  /**
   * Runs the probe as {@code nobody} on {@code dataDirectory} and answers each attempt's outcome,
   * in order. {@code autoServer} is the auto-server's address and key, when one runs.
   */
  static Map<String, String> probe(Path dataDirectory, Optional<AutoServer> autoServer)
      throws IOException, InterruptedException {
    // The test's classpath is in /root (0700): nobody gets H2 and the probe in a directory of its
    // own that it may read.
    Path probe = Files.createTempDirectory("keygate-probe");
    try {
      Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path h2 = readableCopy(h2Jar(), probe.resolve("h2.jar"));
      Path source =
          readableCopy(
              Path.of("src/test/java/dev/keygate/bootstrap/AnotherUserProbe.java"),
              probe.resolve("AnotherUserProbe.java"));
      List<String> command = new ArrayList<>(asNobody());
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-XX:-UsePerfData");
      command.add("-cp");
      command.add(h2.toString());
      command.add(source.toString());
      command.add(dataDirectory.toString());
      autoServer.ifPresent(
          server -> {
            command.add(server.address());
            command.add(server.key());
          });
      Process process =
          new ProcessBuilder(command)
              .directory(probe.toFile())
              .redirectOutput(probe.resolve("probe.out").toFile())
              .redirectError(probe.resolve("probe.err").toFile())
              .start();
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the probe ends").isTrue();
      String output = Files.readString(probe.resolve("probe.out"), StandardCharsets.UTF_8);
      assertThat(process.exitValue())
          .as(output + Files.readString(probe.resolve("probe.err"), StandardCharsets.UTF_8))
          .isZero();
      Map<String, String> outcomes = new LinkedHashMap<>();
      for (String line : output.lines().toList()) {
        int colon = line.indexOf(": ");
        assertThat(colon).as("a probe line: %s", output).isPositive();
        outcomes.put(line.substring(0, colon), line.substring(colon + 2));
      }
      return outcomes;
    } finally {
      try (Stream<Path> files = Files.list(probe)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(probe);
    }
  }

  /** An H2 auto-server as its lock file names it: {@code host:port} and the database key. */
  record AutoServer(String address, String key) {}

  private static List<String> asNobody() throws IOException {
    if (Files.isExecutable(RUNUSER)) {
      return List.of(RUNUSER.toString(), "-u", "nobody", "--");
    }
    String[] passwd = nobody().orElseThrow().split(":");
    return List.of(
        SETPRIV.toString(), "--reuid=" + passwd[2], "--regid=" + passwd[3], "--clear-groups", "--");
  }

  /** The {@code nobody} line of /etc/passwd. */
  private static Optional<String> nobody() {
    try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
      return lines.filter(line -> line.startsWith("nobody:")).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Path h2Jar() {
    try {
      return Path.of(
          org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path readableCopy(Path from, Path to) {
    try {
      Files.copy(from, to);
      Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
