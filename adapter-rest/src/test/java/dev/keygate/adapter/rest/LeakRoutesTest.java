package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static dev.keygate.adapter.rest.JsonShapes.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.domain.api.Api;
import dev.keygate.wire.WireJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two routes open to callers without a management key, {@code POST /api/v1/secret_scanning} and
 * {@code POST /api/v1/api_keys/revoke_leaked}: what reaches them, how their bodies are read, and
 * that they take nothing of the management API's routes and give nothing up to them.
 */
class LeakRoutesTest {

  private static final String SCANNING = "/api/v1/secret_scanning";
  private static final String REVOKE = "/api/v1/api_keys/revoke_leaked";

  private final EcScanningSignatures github = new EcScanningSignatures();
  private final RestFixture rest =
      new RestFixture(keygate -> ScannerWiring.trusting(keygate, github));
  private Api api;

  @BeforeEach
  void setUp() {
    api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.createOrganization("org_acme");
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  private RestFixture.Issued key() {
    return rest.createKey(
        "{\"name\":\"ci\",\"api_id\":\"%s\",\"org_code\":\"org_acme\"}".formatted(api.id()));
  }

  private String status(RestFixture.Issued key) {
    return rest.get("/api/v1/api_keys/" + key.id()).text("/api_key/status");
  }

  /** POSTs a report of exactly these bytes with GitHub's two headers, as given (null: left out). */
  private RestFixture.Answer report(byte[] body, String keyIdentifier, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(rest.base() + SCANNING))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (keyIdentifier != null) {
      request.header(LeakRoutes.KEY_IDENTIFIER, keyIdentifier);
    }
    if (signature != null) {
      request.header(LeakRoutes.SIGNATURE, signature);
    }
    return rest.send(request.build());
  }

  /** A report signed by GitHub's current key. */
  private RestFixture.Answer signed(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return report(bytes, EcScanningSignatures.KEY_IDENTIFIER, github.sign(bytes));
  }

  private static String finding(String token) {
    return "{\"token\":\"%s\",\"type\":\"keygate_api_key\",\"url\":\"https://github.com/o/r/blob/x/.env\",\"source\":\"content\"}"
        .formatted(token);
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSignedReport_labelsEachToken_byItsHash_andRevokesTheLiveKey() {
    RestFixture.Issued live = key();
    RestFixture.Issued revoked = key();
    rest.call("DELETE", "/api/v1/api_keys/" + revoked.id(), null);
    String unknown = TestKeygate.unknownToken();
    String typo = TestKeygate.withTypo(live.key());

    RestFixture.Answer answer =
        signed(
            "["
                + String.join(
                    ",",
                    finding(live.key()),
                    finding(unknown),
                    finding(revoked.key()),
                    finding(typo))
                + "]");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode labels = answer.json();
    assertThat(labels.isArray()).isTrue();
    List<String> hashes = new ArrayList<>();
    List<String> said = new ArrayList<>();
    for (JsonNode label : labels) {
      assertThat(JsonShapes.fields(label))
          .containsExactlyInAnyOrder("token_hash", "token_type", "label");
      assertThat(label.get("token_type").asText()).isEqualTo("keygate_api_key");
      hashes.add(label.get("token_hash").asText());
      said.add(label.get("label").asText());
    }
    assertThat(hashes)
        .containsExactly(sha256(live.key()), sha256(unknown), sha256(revoked.key()), sha256(typo));
    assertThat(said)
        .containsExactly("true_positive", "false_positive", "true_positive", "false_positive");
    assertThat(answer.body()).doesNotContain(live.key(), unknown, revoked.key());
    // The deployment's default policy revokes a live key; a revoked one stays as it was.
    assertThat(status(live)).isEqualTo("revoked");
    assertThat(status(revoked)).isEqualTo("revoked");
  }

  @Test
  void theSignature_signsTheBytesAsSent_notTheirMeaning() {
    RestFixture.Issued live = key();
    // Spacing, key order and an escaped character that a re-serialized body would not keep.
    String body =
        "[ {\"type\" : \"keygate_api_key\",\n  \"token\":\"%s\", \"url\":\"https:\\/\\/github.com\\/x\\u002fy\"} ]\n"
            .formatted(live.key());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

    RestFixture.Answer answer =
        report(bytes, EcScanningSignatures.KEY_IDENTIFIER, github.sign(bytes));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.text("/0/label")).isEqualTo("true_positive");
    assertThat(status(live)).isEqualTo("revoked");
  }

  @Test
  void anotherListedKey_verifiesToo_asGitHubRotatesItsKeys() {
    RestFixture.Issued live = key();
    byte[] bytes = ("[" + finding(live.key()) + "]").getBytes(StandardCharsets.UTF_8);

    RestFixture.Answer answer =
        report(bytes, EcScanningSignatures.OTHER_KEY_IDENTIFIER, github.signWithOther(bytes));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(status(live)).isEqualTo("revoked");
  }

  @Test
  void aReportNotSignedByAListedKey_answers401_andChangesNothing() {
    RestFixture.Issued live = key();
    byte[] bytes = ("[" + finding(live.key()) + "]").getBytes(StandardCharsets.UTF_8);
    byte[] tampered = ("[" + finding(live.key()) + " ]").getBytes(StandardCharsets.UTF_8);
    String signature = github.sign(bytes);
    String id = EcScanningSignatures.KEY_IDENTIFIER;
    int audited = rest.keygate.auditLog.events().size();

    List<RestFixture.Answer> refused =
        List.of(
            report(tampered, id, signature),
            report(bytes, null, null),
            report(bytes, id, null),
            report(bytes, null, signature),
            report(bytes, "unknown-key", signature),
            report(bytes, EcScanningSignatures.OTHER_KEY_IDENTIFIER, signature),
            report(bytes, id, github.signWithStranger(bytes)),
            report(bytes, id, "not base64 !"),
            report(bytes, id, ""));
    for (RestFixture.Answer answer : refused) {
      assertError(answer, 401, "UNAUTHORIZED");
      assertThat(errorMessage(answer.body()))
          .isEqualTo("the report's signature is missing, names an unknown key, or does not verify");
    }
    // A second signature header makes the report ambiguous: refused, not guessed at.
    HttpRequest twice =
        HttpRequest.newBuilder(URI.create(rest.base() + SCANNING))
            .header("Content-Type", "application/json")
            .header(LeakRoutes.KEY_IDENTIFIER, id)
            .header(LeakRoutes.SIGNATURE, signature)
            .header(LeakRoutes.SIGNATURE, signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    assertError(rest.send(twice), 401, "UNAUTHORIZED");
    assertThat(status(live)).isEqualTo("active");
    assertThat(rest.keygate.auditLog.events()).hasSize(audited);
  }

  @Test
  void aMalformedReport_isJudgedByItsSignatureFirst_thenAnswers400() {
    for (String body :
        List.of(
            "{}",
            "[]",
            "not json",
            "[1]",
            "[{\"type\":\"t\"}]",
            "[{\"token\":\"k\"}]",
            "[{\"token\":1,\"type\":\"t\"}]",
            "[{\"token\":\"k\",\"type\":\"t\",\"url\":[]}]",
            "[" + String.join(",", Collections.nCopies(1001, finding("k"))) + "]")) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      assertError(report(bytes, null, null), 401, "UNAUTHORIZED");
      RestFixture.Answer signedButMalformed =
          report(bytes, EcScanningSignatures.KEY_IDENTIFIER, github.sign(bytes));
      assertError(signedButMalformed, 400, "INVALID_REQUEST");
    }
    byte[] many =
        ("[" + String.join(",", Collections.nCopies(1001, finding("k"))) + "]")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(
            errorMessage(
                report(many, EcScanningSignatures.KEY_IDENTIFIER, github.sign(many)).body()))
        .isEqualTo("request body must hold 1-1000 findings, was 1001");
  }

  @Test
  void aFieldGitHubMayAddLater_isIgnored_andAThousandFindingsAreTaken() {
    String body =
        "["
            + String.join(
                ",",
                Collections.nCopies(
                    1000, "{\"token\":\"k\",\"type\":\"t\",\"url\":null,\"new_field\":{\"x\":1}}"))
            + "]";
    RestFixture.Answer answer = signed(body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json()).hasSize(1000);
    assertThat(answer.text("/999/label")).isEqualTo("false_positive");
  }

  @Test
  void withoutAScannersKey_reportsAreNotReceived_404() {
    try (RestFixture unconfigured = new RestFixture()) {
      unconfigured.keygate.scanningSignatures.unconfigure();
      byte[] bytes = "[]".getBytes(StandardCharsets.UTF_8);
      RestFixture.Answer answer =
          unconfigured.send(
              HttpRequest.newBuilder(URI.create(unconfigured.base() + SCANNING))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                  .build());
      assertError(answer, 404, "NOT_FOUND");
      assertThat(answer.text("/errors/message")).isEqualTo("secret scanning is not configured");
    }
  }

  @Test
  void revokeLeaked_answers202_whateverTheTokens_andRevokesOnlyLiveKeys() {
    RestFixture.Issued live = key();
    RestFixture.Issued other = key();
    RestFixture.Issued revoked = key();
    rest.call("DELETE", "/api/v1/api_keys/" + revoked.id(), null);
    List<String> kinds =
        List.of(
            live.key(),
            TestKeygate.unknownToken(),
            TestKeygate.withTypo(other.key()),
            TestKeygate.withWrongSecret(other.key()),
            revoked.key(),
            "",
            "not a token at all",
            "k_live_" + "x".repeat(5000));
    for (String token : kinds) {
      RestFixture.Answer answer = revoke(WireJson.write(Map.of("tokens", List.of(token))));
      assertThat(answer.status()).as(answer.body()).isEqualTo(202);
      assertThat(answer.json())
          .isEqualTo(
              WireJson.mapper()
                  .createObjectNode()
                  .put("code", "ACCEPTED")
                  .put("message", "Tokens received"));
    }
    assertThat(status(live)).isEqualTo("revoked");
    assertThat(status(other)).isEqualTo("active");
    // A bearer, even a bad one, is not asked for and not judged.
    RestFixture.Answer withBearer =
        rest.call("POST", REVOKE, "{\"tokens\":[\"x\"]}", "k_live_nonsense");
    assertThat(withBearer.status()).isEqualTo(202);
  }

  @Test
  void revokeLeaked_overTenRequestsAMinuteFromOneNetwork_answers429WithRetryAfter() {
    RestFixture.Issued live = key();
    for (int i = 0; i < 10; i++) {
      assertThat(revoke("{\"tokens\":[\"x\"]}").status()).isEqualTo(202);
    }
    RestFixture.Answer refused = revoke(WireJson.write(Map.of("tokens", List.of(live.key()))));
    assertError(refused, 429, "TOO_MANY_REQUESTS");
    long wait =
        Long.parseLong(refused.response().headers().firstValue("Retry-After").orElseThrow());
    assertThat(wait).isBetween(1L, 60L);
    assertThat(status(live)).isEqualTo("active");
    rest.keygate.clock.advance(Duration.ofSeconds(wait));
    assertThat(revoke(WireJson.write(Map.of("tokens", List.of(live.key())))).status())
        .isEqualTo(202);
    assertThat(status(live)).isEqualTo("revoked");
  }

  private RestFixture.Answer revoke(String body) {
    return rest.call("POST", REVOKE, body, null);
  }

  @Test
  void revokeLeaked_isNotTakenByTheKeyRoute_andTheKeyRouteStaysGuarded() {
    // Other methods on the same path are the key route's, with the key id "revoke_leaked": behind
    // the bearer, and then an unknown key.
    assertError(rest.call("GET", REVOKE, null, null), 401, "UNAUTHORIZED");
    assertError(rest.call("DELETE", REVOKE, null, null), 401, "UNAUTHORIZED");
    assertThat(rest.get(REVOKE).status()).isEqualTo(404);
    assertThat(rest.get(REVOKE).text("/errors/code")).isEqualTo("NOT_FOUND");
    // No POST on a key id: the open route does not open its neighbours.
    RestFixture.Answer postOnAKey =
        rest.call("POST", "/api/v1/api_keys/api_key_" + "0".repeat(32), "{}", null);
    assertError(postOnAKey, 404, "ROUTE_NOT_FOUND");
    assertThat(rest.call("POST", REVOKE + "/more", "{}", null).status()).isEqualTo(404);
    assertThat(rest.call("POST", SCANNING + "/more", "[]", null).status()).isEqualTo(404);
    // verify, its sibling, still asks for a bearer.
    assertError(
        rest.call("POST", "/api/v1/api_keys/verify", "{\"api_key\":\"k\"}", null),
        401,
        "UNAUTHORIZED");
  }

  @Test
  void revokeLeaked_refusesABadBody_with400NamingTheProblem() {
    assertBadRequest(revoke("{}"), "tokens is required");
    assertBadRequest(revoke("{\"tokens\":[]}"), "tokens must hold 1-1000 tokens, was 0");
    assertBadRequest(revoke("{\"tokens\":[\"a\",null]}"), "tokens[1] must not be null");
    assertBadRequest(
        revoke("{\"tokens\":\"k_live_x\"}"), "field tokens has the wrong type or value");
    assertBadRequest(revoke("{\"tokens\":[1]}"), "field tokens[0] has the wrong type or value");
    assertBadRequest(revoke("{\"tokens\":[\"a\"],\"why\":1}"), "unknown field why");
    assertBadRequest(
        revoke("[\"k_live_x\"]"), "request body must be a JSON object of the documented shape");
    assertBadRequest(revoke("{\"tokens\":[\"a\"]"), "request body is not valid JSON");
    assertBadRequest(revoke(""), "request body must be a JSON object of the documented shape");
    assertBadRequest(
        revoke("{\"tokens\":" + tokens(1001) + "}"), "tokens must hold 1-1000 tokens, was 1001");
  }

  @Test
  void bothRoutes_refuseAnotherMediaType_with415() {
    assertError(
        rest.call("POST", REVOKE, "tokens=x", null, "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
    assertError(
        rest.call("POST", SCANNING, "[]", null, "application/x-www-form-urlencoded"),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void bothRoutes_takeAMebibyte_andRefuseMore_with413() {
    // A thousand tokens are more than the management API's 64 KiB.
    String thousandTokens = "{\"tokens\":" + tokens(1000) + "}";
    assertThat(thousandTokens.length()).isGreaterThan(RestServer.MAX_REQUEST_BYTES);
    String over = "{\"tokens\":[\"" + "x".repeat(LeakRoutes.MAX_BODY_BYTES) + "\"]}";
    for (String path : List.of(REVOKE, SCANNING)) {
      RestFixture.Answer tooLarge = rest.send(post(path, over, "application/json"));
      assertError(tooLarge, 413, "PAYLOAD_TOO_LARGE");
      assertThat(errorMessage(tooLarge.body()))
          .isEqualTo("request body must be at most 1048576 bytes");
    }
  }

  private HttpRequest post(String path, String body, String contentType) {
    return HttpRequest.newBuilder(URI.create(rest.base() + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static void assertBadRequest(RestFixture.Answer answer, String message) {
    assertError(answer, 400, "INVALID_REQUEST");
    assertThat(errorMessage(answer.body())).isEqualTo(message);
  }

  /** A JSON array of {@code count} token-shaped strings, each as long as a real token. */
  private static String tokens(int count) {
    List<String> tokens =
        new ArrayList<>(Collections.nCopies(count, "\"k_live_" + "A".repeat(70) + "\""));
    return "[" + String.join(",", tokens) + "]";
  }
}
