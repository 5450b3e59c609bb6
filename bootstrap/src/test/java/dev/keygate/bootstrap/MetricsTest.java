package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.application.fake.TestKeygate;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} in Prometheus' text format, counting what the server really did: on the main
 * listener by default, on a listener of its own at {@code KEYGATE_METRICS_ADDRESS}, or nowhere.
 */
class MetricsTest {

  private static final String VERIFY = "/api/v1/api_keys/verify";
  private static final String IPV4_MAPPED = "0000000000000000FFFF0000";

  @TempDir Path directory;

  @Test
  void afterSomeVerifications_metricsCountAnswersArgon2ChecksCacheAndRequests() {
    Deployment deployment = Deployment.prepare(directory);
    try (ServingKeygate server = ServingKeygate.serve(directory)) {
      String root = server.printedTokens().get(0);
      // 1 authentication of the root key: a cache miss and an Argon2 check.
      String token =
          server
              .post("/api/v1/api_keys", deployment.orgKeyRequest("metrics", "read:users"), root)
              .hasStatus(201)
              .text("/api_key/key");
      // 3 authentications (cache hits) and 3 verifications (1 miss and Argon2, then 2 hits).
      for (int i = 0; i < 3; i++) {
        server.post(VERIFY, ServeCommandTest.verifyRequest(token, "read:users"), root);
      }
      // 1 authentication (hit) and 1 wrong secret (a miss and an Argon2 check).
      server.post(
          VERIFY,
          ServeCommandTest.verifyRequest(TestKeygate.withWrongSecret(token), "read:users"),
          root);
      // 1 authentication (hit) and 1 verification missing a scope (hit).
      server.post(VERIFY, ServeCommandTest.verifyRequest(token, "write:users"), root);

      ServingKeygate.Answer metrics = server.get("/metrics", null).hasStatus(200);
      String scrape = metrics.body();

      assertThat(value(scrape, "keygate_verify_answers_total{code=\"API_KEY_VERIFIED\"}"))
          .isEqualTo(6 + 3);
      assertThat(value(scrape, "keygate_verify_answers_total{code=\"API_KEY_INVALID\"}"))
          .isEqualTo(1);
      assertThat(value(scrape, "keygate_verify_answers_total{code=\"API_KEY_INSUFFICIENT_SCOPE\"}"))
          .isEqualTo(1);
      assertThat(value(scrape, "keygate_verify_answers_total{code=\"API_KEY_REVOKED\"}")).isZero();
      assertThat(value(scrape, "keygate_argon2_checks_total")).isEqualTo(3);
      assertThat(value(scrape, "keygate_verify_cache_total{result=\"hit\"}")).isEqualTo(8);
      assertThat(value(scrape, "keygate_verify_cache_total{result=\"miss\"}")).isEqualTo(3);
      assertThat(value(scrape, "keygate_verify_duration_seconds_count")).isEqualTo(11);
      assertThat(scrape).contains("keygate_verify_duration_seconds_bucket{le=\"+Inf\"} 11");
      assertThat(
              value(
                  scrape,
                  "keygate_http_requests_seconds_count{method=\"POST\",route=\""
                      + VERIFY
                      + "\",status=\"200\"}"))
          .isEqualTo(5);
      assertThat(
              value(
                  scrape,
                  "keygate_http_requests_seconds_count{method=\"POST\","
                      + "route=\"/api/v1/api_keys\",status=\"201\"}"))
          .isEqualTo(1);
      assertThat(scrape).contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void givenAMetricsAddress_metricsAnswerThereAlone_and404OnTheMainPort_untilTheServerStops()
      throws IOException {
    int metricsPort = freePort();
    Map<String, String> environment = new HashMap<>(Cli.environment(directory));
    environment.put("KEYGATE_METRICS_ADDRESS", "127.0.0.1:" + metricsPort);
    ServingKeygate.Answer elsewhere;
    try (ServingKeygate server = ServingKeygate.serve(environment, directory)) {
      ServingKeygate.Answer onMain = server.get("/metrics", null);
      HttpResponse<String> scrape = get(metricsPort, "/metrics");
      HttpResponse<String> health = get(metricsPort, "/health");

      assertThat(onMain.status()).isEqualTo(404);
      assertThat(onMain.text("/errors/code")).isEqualTo("ROUTE_NOT_FOUND");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(scrape.body()).contains("jvm_memory_used_bytes");
      // The metrics listener serves metrics and nothing else.
      assertThat(health.statusCode()).isEqualTo(404);
      assertThat(server.out()).contains("metrics on http://127.0.0.1:" + metricsPort + "/metrics");
      assertThat(listeningAddresses(metricsPort)).containsExactly("0100007F");
      elsewhere = server.get("/health/live", null).hasStatus(200);
      assertThat(server.stop()).isZero();
    }
    assertThat(elsewhere.text("/status")).isEqualTo("UP");
    assertThatThrownBy(() -> get(metricsPort, "/metrics")).isInstanceOf(ConnectException.class);
  }

  @Test
  void givenMetricsOff_metricsAnswer404_andTheDocumentLeavesThemOut() {
    Map<String, String> environment = new HashMap<>(Cli.environment(directory));
    environment.put("KEYGATE_METRICS_ADDRESS", "off");
    try (ServingKeygate server = ServingKeygate.serve(environment, directory)) {
      ServingKeygate.Answer metrics = server.get("/metrics", null);

      assertThat(metrics.status()).isEqualTo(404);
      assertThat(metrics.text("/errors/code")).isEqualTo("ROUTE_NOT_FOUND");
      assertThat(
              server.get("/openapi.json", null).hasStatus(200).json().get("paths").has("/metrics"))
          .isFalse();
      server.get("/health", null).hasStatus(200);
    }
  }

  private static HttpResponse<String> get(int port, String path) throws IOException {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The local addresses, as Linux writes them in {@code /proc/net/tcp*}, of the sockets listening
   * on {@code port}: {@code 0100007F} for 127.0.0.1 alone (also when the JVM binds it as the IPv6
   * address {@code ::ffff:127.0.0.1}), zeros for every interface.
   */
  private static List<String> listeningAddresses(int port) throws IOException {
    String hexPort = String.format("%04X", port);
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      Assumptions.assumeTrue(Files.isReadable(file), table + " tells what a socket is bound to");
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.strip().split("\\s+");
        boolean listening = fields.length > 3 && fields[3].equals("0A");
        if (listening && fields[1].endsWith(":" + hexPort)) {
          addresses.add(fields[1].substring(0, fields[1].indexOf(':')).replace(IPV4_MAPPED, ""));
        }
      }
    }
    return addresses;
  }

  /**
   * A free port below Linux's ephemeral range (32768 and up): one the server's own binds to port 0
   * (its API, H2's auto server) can never be given meanwhile, as a port from {@code new
   * ServerSocket(0)} could once it is closed.
   */
  private static int freePort() throws IOException {
    int start = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
    for (int port = start; port < start + 500; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // the next one
      }
    }
    throw new IOException("no free port from " + start);
  }

  /** The value of one series in a Prometheus text scrape. */
  private static double value(String scrape, String series) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + scrape));
  }
}
