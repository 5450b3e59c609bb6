package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.key.ApiKeyId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keygate serve} in a process of its own, stopped with SIGTERM as a supervisor stops it: the
 * shutdown hook writes the usage still in memory before the database closes.
 */
class SigtermTest {

  private static final Pattern SERVING = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path directory;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void sigterm_writesTheUsageStillInMemory_beforeTheDatabaseCloses() throws Exception {
    Deployment deployment = Deployment.prepare(directory);
    Path out = directory.resolve("serve.out");
    Path err = directory.resolve("serve.err");
    Process serve = startServe(out, err);
    String keyId;
    try {
      int port = awaitPort(serve, out, err);
      String root = Cli.tokensIn(Files.readString(out)).get(0);
      String base = "http://127.0.0.1:" + port + "/api/v1/api_keys";
      String created = post(base, deployment.orgKeyRequest("sigterm", "read:users"), root);
      keyId = created.replaceAll(".*\"id\":\"(api_key_[0-9a-f]{32})\".*", "$1");
      String token = Cli.tokensIn(created).get(0);
      for (int i = 0; i < 3; i++) {
        assertThat(
                post(base + "/verify", ServeCommandTest.verifyRequest(token, "read:users"), root))
            .contains("API_KEY_VERIFIED");
      }
    } finally {
      serve.destroy(); // SIGTERM
    }

    assertThat(serve.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(Files.readString(err))
        .contains("Keygate stopped; usage written and database closed")
        .doesNotContain("did not stop cleanly");
    try (Keygate keygate =
        Keygate.builder().jdbcUrl(Cli.h2Url(directory)).argon2(Deployment.CHEAP).build()) {
      Principal operator = keygate.operator();
      assertThat(
              keygate
                  .useCases()
                  .getApiKey()
                  .get(operator, new ApiKeyId(keyId))
                  .usage()
                  .verificationCount())
          .isEqualTo(3);
    }
  }

  /** The test's own classpath runs Main, logging as the runnable jar does. */
  private Process startServe(Path out, Path err) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(KeygateProcess.runnableJarClasspath());
    command.add(Main.class.getName());
    command.add("serve");
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> environment = builder.environment();
    environment.putAll(Cli.environment(directory));
    // Nothing is written before the stop but for the stop itself.
    environment.put("KEYGATE_USAGE_FLUSH_INTERVAL", "1h");
    return builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
  }

  private static int awaitPort(Process serve, Path out, Path err)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline) && serve.isAlive()) {
      Matcher serving = SERVING.matcher(Files.readString(out, StandardCharsets.UTF_8));
      if (serving.find()) {
        return Integer.parseInt(serving.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not start: " + Files.readString(err));
  }

  private String post(String uri, String json, String bearer)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(uri))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
