package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kinde's published management SDK ({@code @kinde/management-api-js}, pinned in {@code
 * src/test/kinde-sdk/package-lock.json}) against the runnable jar, set up as Kinde's documentation
 * says: {@code KINDE_DOMAIN} names the server, which serves HTTPS; the SDK gets its token from
 * {@code /oauth2/token} as the M2M application the operator made for it, and sends it as the
 * bearer. The flows and the strict schema checks are in {@code src/test/kinde-sdk/*.test.mjs}; this
 * test starts the server, makes the application, installs the SDK with {@code npm ci} and runs
 * them.
 *
 * <p>It runs after {@code package} (failsafe), because it runs {@code target/keygate.jar} itself.
 */
class KindeSdkIT {

  private static final Path SDK_TESTS = Path.of("src/test/kinde-sdk").toAbsolutePath();
  private static final Path JAR = Path.of("target/keygate.jar").toAbsolutePath();

  @TempDir Path work;

  @Test
  void kindesSdk_throughItsNormalInit_runsEveryFlowOfTheGuide_withStrictAnswers() throws Exception {
    assertThat(JAR).as("the runnable jar, made by package").exists();
    Path logs = Files.createDirectories(work.resolve("logs"));
    Path data = Files.createDirectories(work.resolve("node"));
    TestCertificates.Pem certificate =
        TestCertificates.selfSignedRsa(Files.createDirectories(work.resolve("tls")));
    Map<String, String> environment = new HashMap<>(KeygateProcess.cheapEnvironment());
    environment.put("KEYGATE_TLS_CERT", certificate.certificate().toString());
    environment.put("KEYGATE_TLS_KEY", certificate.key().toString());
    environment.put("KEYGATE_PORT", "0");

    Cli.Result init = runJar(data, logs, environment, "init");
    assertThat(init.code()).as(init.err()).isZero();
    // The operator's one step, as Kinde's dashboard is for its users: an M2M application
    // authorized for the management API with every management scope.
    Cli.Result application =
        runJar(
            data,
            logs,
            environment,
            "applications",
            "create",
            "--name",
            "Kinde SDK tests",
            "--management-scope",
            "all");
    assertThat(application.code()).as(application.err()).isZero();

    try (KeygateProcess server = KeygateProcess.startJar(JAR, data, logs, environment, "serve")) {
      String domain = "127.0.0.1:" + server.awaitServing();
      npm(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of());
      Map<String, String> sdk = new HashMap<>();
      sdk.put("KINDE_DOMAIN", domain);
      sdk.put("KINDE_MANAGEMENT_CLIENT_ID", printed(application, "client_id"));
      sdk.put("KINDE_MANAGEMENT_CLIENT_SECRET", printed(application, "client_secret"));
      sdk.put("NODE_EXTRA_CA_CERTS", certificate.certificate().toString());
      npm(List.of("node", "--test"), sdk);
    }
  }

  private static Cli.Result runJar(
      Path directory, Path logs, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    try (KeygateProcess command =
        KeygateProcess.startJar(JAR, directory, logs, environment, args)) {
      return command.awaitEnd();
    }
  }

  /**
   * Runs {@code command} in the SDK tests' folder; fails with all it printed unless it succeeds.
   */
  private void npm(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile(work, "node", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(SDK_TESTS.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("KINDE_"));
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException missing) {
      throw new AssertionError(
          "'"
              + command.get(0)
              + "' is needed to run Kinde's SDK (Debian: apt-get install nodejs npm): "
              + missing.getMessage(),
          missing);
    }
    boolean ended = process.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(ended).as(String.join(" ", command) + " did not end: " + printed).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + printed).isZero();
  }

  /** The value {@code applications create} printed after {@code label:}. */
  private static String printed(Cli.Result result, String label) {
    Matcher value = Pattern.compile("(?m)^" + label + ":\\s+(\\S+)$").matcher(result.out());
    assertThat(value.find()).as(label + " in " + result.out()).isTrue();
    return value.group(1);
  }
}
