package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static dev.keygate.adapter.rest.JsonShapes.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The two routes open to callers without a management key, {@code POST /api/v1/secret_scanning} and
 * {@code POST /api/v1/api_keys/revoke_leaked}: what reaches them, how their bodies are read, and
 * that they take nothing of the management API's routes and give nothing up to them.
 */
class LeakRoutesTest {

  private static final String SCANNING = "/api/v1/secret_scanning";
  private static final String REVOKE = "/api/v1/api_keys/revoke_leaked";

  private final RestFixture rest = new RestFixture();

  @AfterEach
  void stop() {
    rest.close();
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
