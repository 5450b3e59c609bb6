package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestKeygate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keygate serve} over real HTTP on a real H2 file: start, health, root key, stop. */
class ServeCommandTest {

  @TempDir Path directory;

  @Test
  void serveOnAnEmptyDatabase_printsTheRootKeyOnce_whichThenManagesKeys() {
    String rootKey;
    try (ServingKeygate first = ServingKeygate.serve(directory)) {
      List<String> printed = first.printedTokens();
      assertThat(printed).hasSize(1);
      assertThat(first.out()).contains("shown only this time");
      rootKey = printed.get(0);

      ServingKeygate.Answer keys = first.get("/api/v1/api_keys", rootKey).hasStatus(200);
      assertThat(keys.text("/api_keys/0/name")).isEqualTo("Root management key");
      assertThat(keys.text("/api_keys/0/key_suffix"))
          .isEqualTo(rootKey.substring(rootKey.length() - 4));
      assertThat(first.get("/api/v1/api_keys", TestKeygate.withWrongSecret(rootKey)).status())
          .isEqualTo(401);
      assertThat(first.stop()).isZero();
    }

    try (ServingKeygate again = ServingKeygate.serve(directory)) {
      assertThat(again.out()).contains("Keygate is serving http://127.0.0.1:");
      assertThat(again.printedTokens()).isEmpty();
      assertThat(again.out()).doesNotContain("k_live_");
      again.get("/api/v1/api_keys", rootKey).hasStatus(200);
    }
  }

  @Test
  void givenABusyPort_serve_failsAtOnceWithOneLine_beforeOpeningTheDatabase() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Map<String, String> environment = Cli.environment(directory);
      environment.put("KEYGATE_PORT", String.valueOf(busy.getLocalPort()));

      Cli.Result result = Cli.run(environment, directory, "serve");

      assertThat(result.code()).isEqualTo(7);
      assertThat(result.errLines())
          .containsExactly(
              "keygate serve: cannot listen for the API on 127.0.0.1:"
                  + busy.getLocalPort()
                  + ": Address already in use (another program, or another keygate serve, listens"
                  + " there)");
      assertThat(result.out()).isEmpty();
      // Told before anything was opened: no database, so no initialisation and no root key.
      try (Stream<Path> files = Files.list(directory)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void givenABusyMetricsPort_serve_failsAtOnceWithOneLineNamingIt() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Map<String, String> environment = Cli.environment(directory);
      environment.put("KEYGATE_METRICS_ADDRESS", "127.0.0.1:" + busy.getLocalPort());

      Cli.Result result = Cli.run(environment, directory, "serve");

      assertThat(result.code()).isEqualTo(7);
      assertThat(result.errLines())
          .singleElement()
          .asString()
          .startsWith(
              "keygate serve: cannot listen for the metrics on 127.0.0.1:"
                  + busy.getLocalPort()
                  + ": Address already in use");
      try (Stream<Path> files = Files.list(directory)) {
        assertThat(files).isEmpty();
      }
    }
  }

  @Test
  void theRootKeyPrintedByInit_worksAsBearerOnTheServer() {
    Cli.Result init = Cli.run(Cli.environment(directory), directory, "init");
    String rootKey = init.tokens().get(0);

    try (ServingKeygate server = ServingKeygate.serve(directory)) {
      assertThat(server.printedTokens()).isEmpty();
      ServingKeygate.Answer keys = server.get("/api/v1/api_keys", rootKey).hasStatus(200);
      assertThat(keys.json().get("api_keys")).hasSize(1);
      assertThat(keys.text("/api_keys/0/scopes/0")).isNotEmpty();
    }
  }

  @Test
  void health_answersUpWhileTheDatabaseAnswers_and503OnceItIsGone() {
    try (ServingKeygate server = ServingKeygate.serve(directory)) {
      ServingKeygate.Answer up = server.get("/health", null).hasStatus(200);
      assertThat(up.text("/status")).isEqualTo("UP");
      assertThat(up.text("/database")).isEqualTo("UP");
      server.get("/health/live", null).hasStatus(200);

      server.server().node().ownPool().orElseThrow().close();

      ServingKeygate.Answer down = server.get("/health", null).hasStatus(503);
      assertThat(down.text("/status")).isEqualTo("DOWN");
      assertThat(down.text("/database")).isEqualTo("DOWN");
      server.get("/health/live", null).hasStatus(200);
    }
  }

  @Test
  void gracefulStop_writesTheUsageStillInMemory() {
    Deployment deployment = Deployment.prepare(directory);
    var environment = Cli.environment(directory);
    // Nothing would be written before the stop but for the stop itself.
    environment.put("KEYGATE_USAGE_FLUSH_INTERVAL", "1h");
    String rootKey;
    String keyId;
    try (ServingKeygate server = ServingKeygate.serve(environment, directory)) {
      rootKey = server.printedTokens().get(0);
      ServingKeygate.Answer created =
          server
              .post("/api/v1/api_keys", deployment.orgKeyRequest("usage", "read:users"), rootKey)
              .hasStatus(201);
      keyId = created.text("/api_key/id");
      String token = created.text("/api_key/key");
      for (int i = 0; i < 3; i++) {
        ServingKeygate.Answer verified =
            server
                .post("/api/v1/api_keys/verify", verifyRequest(token, "read:users"), rootKey)
                .hasStatus(200);
        assertThat(verified.text("/code")).isEqualTo("API_KEY_VERIFIED");
      }
      assertThat(
              server.get("/api/v1/api_keys/" + keyId, rootKey).text("/api_key/verification_count"))
          .isEqualTo("0");
      assertThat(server.stop()).isZero();
    }

    try (ServingKeygate restarted = ServingKeygate.serve(environment, directory)) {
      ServingKeygate.Answer key =
          restarted.get("/api/v1/api_keys/" + keyId, rootKey).hasStatus(200);
      assertThat(key.json().at("/api_key/verification_count").asLong()).isEqualTo(3);
      assertThat(key.text("/api_key/last_verified_ip")).isEqualTo("127.0.0.1");
    }
  }

  /** Names a scope: this branch's verify route still refuses a body without required_scopes. */
  static String verifyRequest(String token, String requiredScope) {
    return "{\"api_key\":\"" + token + "\",\"required_scopes\":[\"" + requiredScope + "\"]}";
  }
}
