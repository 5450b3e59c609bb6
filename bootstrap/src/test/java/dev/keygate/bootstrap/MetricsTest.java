package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestKeygate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} in Prometheus' text format, counting what the server really did. */
class MetricsTest {

  private static final String VERIFY = "/api/v1/api_keys/verify";

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
