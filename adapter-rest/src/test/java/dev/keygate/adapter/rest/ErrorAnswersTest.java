package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static dev.keygate.adapter.rest.JsonShapes.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.wire.WireJson;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error the management API answers, in Kinde's shape for its status ({@code
 * {"errors":[{"code","message"}]}}, or {@code {"errors":{"code","message"}}} for a 404), with its
 * status: 400 a bad body or field, 401 no or no valid management key, 403 a scope or the authority
 * missing, 404 an unknown object or route, 409 a clash with the current state, 413 a body over 64
 * KiB, 415 a body that is not JSON, 429 a limit reached.
 */
class ErrorAnswersTest {

  private static final String KEYS = "/api/v1/api_keys";

  private final RestFixture rest = new RestFixture();
  private Api api;
  private String validCreate;

  @BeforeEach
  void setUp() {
    api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.addScope(api, "read:users");
    rest.keygate.createOrganization("org_acme");
    validCreate =
        "{\"name\":\"k\",\"api_id\":\"%s\",\"org_code\":\"org_acme\"}".formatted(api.id());
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  private static String message(RestFixture.Answer answer) {
    return JsonShapes.errorMessage(answer.body());
  }

  // 400

  @Test
  void givenBrokenJson_create_answers400SayingSo() {
    RestFixture.Answer refused = rest.post(KEYS, "{\"name\":");

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(message(refused)).isEqualTo("request body is not valid JSON");
  }

  @Test
  void givenUnknownField_create_answers400NamingIt() {
    RestFixture.Answer refused = rest.post(KEYS, validCreate.replace("{", "{\"nmae\":\"typo\","));

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(message(refused)).isEqualTo("unknown field nmae");
  }

  @Test
  void givenAKeyOrAHugeNameAsAnUnknownField_create_answers400WithoutRepeatingIt() {
    for (String name :
        List.of(rest.rootKey, TestKeygate.secretOf(rest.rootKey), "x".repeat(2_000), "a\u0001b")) {
      RestFixture.Answer refused =
          rest.post(KEYS, validCreate.replace("{", "{" + WireJson.write(name) + ":1,"));

      assertError(refused, 400, "INVALID_REQUEST");
      assertThat(message(refused))
          .isEqualTo("unknown field of " + name.length() + " characters, not repeated here");
    }
  }

  @Test
  void givenWrongTypes_create_answers400NamingTheField() {
    RestFixture.Answer number = rest.post(KEYS, validCreate.replace("\"k\"", "5"));
    RestFixture.Answer scopeString =
        rest.post(KEYS, validCreate.replace("{", "{\"scope_ids\":\"read:users\","));
    RestFixture.Answer scopeNumber =
        rest.post(KEYS, validCreate.replace("{", "{\"scope_ids\":[\"read:users\",7],"));

    assertError(number, 400, "INVALID_REQUEST");
    assertThat(message(number)).isEqualTo("field name has the wrong type or value");
    assertError(scopeString, 400, "INVALID_REQUEST");
    assertThat(message(scopeString)).contains("scope_ids");
    assertError(scopeNumber, 400, "INVALID_REQUEST");
    assertThat(message(scopeNumber)).contains("scope_ids[1]");
  }

  @Test
  void givenNullForRequiredFields_answers400NamingEach() {
    RestFixture.Answer nullName = rest.post(KEYS, validCreate.replace("\"k\"", "null"));
    RestFixture.Answer nullApi =
        rest.post(KEYS, validCreate.replace("\"" + api.id() + "\"", "null"));
    RestFixture.Answer nullToken = rest.post(KEYS + "/verify", "{\"api_key\":null}");
    RestFixture.Answer nullScope =
        rest.post(KEYS, validCreate.replace("{", "{\"scope_ids\":[\"read:users\",null],"));

    assertError(nullName, 400, "INVALID_REQUEST");
    assertThat(message(nullName)).isEqualTo("name is required");
    assertThat(message(nullApi)).isEqualTo("api_id is required");
    assertError(nullToken, 400, "INVALID_REQUEST");
    assertThat(message(nullToken)).isEqualTo("api_key is required");
    assertError(nullScope, 400, "INVALID_REQUEST");
    assertThat(message(nullScope)).isEqualTo("scope_ids[1] must not be null");
  }

  @Test
  void givenFractionForAWholeNumber_rotate_answers400AndDoesNotRotate() {
    RestFixture.Issued issued = rest.createKey(validCreate);

    RestFixture.Answer refused =
        rest.call("PUT", KEYS + "/" + issued.id(), "{\"previous_key_expires_in_seconds\":1.5}");

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(message(refused)).contains("previous_key_expires_in_seconds");
    assertThat(rest.keygate.stored(new ApiKeyId(issued.id())).secrets()).hasSize(1);
  }

  @Test
  void givenANumberOrDigitsForATimestamp_create_answers400AndCreatesNothing() {
    for (String expiry : List.of("4102444800", "4102444800.5", "\"4102444800\"")) {
      RestFixture.Answer refused =
          rest.post(KEYS, validCreate.replace("{", "{\"expires_on\":" + expiry + ","));

      assertError(refused, 400, "INVALID_REQUEST");
      assertThat(message(refused)).isEqualTo("field expires_on has the wrong type or value");
    }
    assertThat(rest.keygate.apiKeys.all()).hasSize(1);
  }

  @Test
  void givenALoneSurrogateInAName_create_answers400NamingTheFieldAndCreatesNothing() {
    // A JSON escape can carry half of a surrogate pair, which no database stores as given.
    RestFixture.Answer refused =
        rest.post(KEYS, validCreate.replace("\"name\":\"k\"", "\"name\":\"k\\uD800\""));

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(message(refused))
        .isEqualTo("api key name must be valid Unicode text (a lone surrogate is not)");
    assertThat(rest.keygate.apiKeys.all()).hasSize(1);

    RestFixture.Answer pair =
        rest.post(KEYS, validCreate.replace("\"name\":\"k\"", "\"name\":\"k\\uD83D\\uDE00\""));
    assertThat(pair.status()).isEqualTo(201);
    assertThat(rest.get(KEYS + "/" + pair.text("/api_key/id")).text("/api_key/name"))
        .isEqualTo("k\uD83D\uDE00");
  }

  @Test
  void givenABidirectionalOverrideInAnyNamedText_answers400NamingTheFieldAndStoresNothing() {
    // U+202E shows "Production\u202Egnp.exe" as "Productionexe.png": a name that reads as
    // something other than what it is, in the console, the CLI's table and the audit trail.
    String rlo = "\\u202E";
    String apiId = api.id().value();
    Map<String, String> fieldOf = new LinkedHashMap<>();
    fieldOf.put(
        KEYS + " " + validCreate.replace("\"k\"", "\"k" + rlo + "gnp.exe\""), "api key name");
    fieldOf.put("/api/v1/organization {\"name\":\"Acme" + rlo + "\"}", "organization name");
    fieldOf.put("/api/v1/user {\"name\":\"Alice" + rlo + "\"}", "user name");
    fieldOf.put(
        "/api/v1/user {\"name\":\"Alice\",\"email\":\"a" + rlo + "@example.com\"}", "user email");
    fieldOf.put(
        "/api/v1/apis {\"name\":\"Billing" + rlo + "\",\"audience\":\"https://billing\"}",
        "api name");
    fieldOf.put(
        "/api/v1/apis {\"name\":\"Billing\",\"audience\":\"https://billing" + rlo + "\"}",
        "api audience");
    fieldOf.put(
        "/api/v1/apis/" + apiId + "/scopes {\"key\":\"write:" + rlo + "users\"}", "scope key");
    fieldOf.put(
        "/api/v1/apis/" + apiId + "/scopes {\"key\":\"write:users\",\"description\":\"\\u2067x\"}",
        "scope description");

    fieldOf.forEach(
        (request, field) -> {
          int space = request.indexOf(' ');
          RestFixture.Answer refused =
              rest.post(request.substring(0, space), request.substring(space + 1));

          assertError(refused, 400, "INVALID_REQUEST");
          assertThat(message(refused))
              .as(request)
              .isEqualTo(
                  field
                      + " must not contain bidirectional control characters"
                      + " (U+202A-U+202E, U+2066-U+2069)");
        });
    assertThat(rest.keygate.apiKeys.all()).hasSize(1);
    assertThat(rest.get("/api/v1/organizations").json().get("organizations")).hasSize(2);
    assertThat(rest.get("/api/v1/users").json().get("users")).isEmpty();
    assertThat(rest.get("/api/v1/apis").json().get("apis")).hasSize(2);
    assertThat(rest.get("/api/v1/apis/" + apiId + "/scopes").json().get("scopes")).hasSize(1);
  }

  @Test
  void givenAnIsoTimestampWithAnOffset_create_storesTheInstantItNames() {
    RestFixture.Answer created =
        rest.post(KEYS, validCreate.replace("{", "{\"expires_on\":\"2100-01-01T02:00:00+02:00\","));

    assertThat(created.status()).isEqualTo(201);
    assertThat(
            rest.getExtended(KEYS + "/" + created.text("/api_key/id")).text("/api_key/expires_on"))
        .isEqualTo("2100-01-01T00:00:00Z");
  }

  @Test
  void givenNoBody_create_answers400() {
    RestFixture.Answer refused = rest.call("POST", KEYS, null);

    assertError(refused, 400, "INVALID_REQUEST");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0", "-1", "501", "abc", "1.5", "99999999999", "%EF%BC%91", "%D9%A5", "%2B5"})
  void givenBadPageSize_list_answers400NamingIt(String pageSize) {
    for (String path :
        List.of(KEYS, "/api/v1/organizations", "/api/v1/users", "/api/v1/audit_events")) {
      RestFixture.Answer refused = rest.get(path + "?page_size=" + pageSize);

      assertError(refused, 400, "INVALID_REQUEST");
      assertThat(message(refused)).contains("page_size");
    }
  }

  @Test
  void givenQueryValuesThatAreNotPercentDecodable_answer400NamingEach() {
    RawHttp raw = new RawHttp(rest.server().port());
    Map<String, String> parameterOf =
        Map.of(
            KEYS + "?status=%zz",
            "status",
            KEYS + "?page_size=5%",
            "page_size",
            KEYS + "?api_id=x&org_code=%e",
            "org_code",
            "/api/v1/organizations?page_size=%G1",
            "page_size",
            "/api/v1/audit_events?key_id=%",
            "key_id",
            "/api/v1/apis?expand=%zz",
            "expand");

    parameterOf.forEach(
        (target, parameter) -> {
          RawHttp.Response refused =
              raw.send(
                  new RawHttp.Request(
                      "GET",
                      target,
                      List.of(RawHttp.header("Authorization", "Bearer " + rest.rootKey)),
                      null,
                      false));

          assertError(refused, 400, "INVALID_REQUEST");
          assertThat(errorMessage(refused.body()))
              .isEqualTo(parameter + " is not validly percent-encoded");
        });
  }

  @Test
  void givenAQueryParameterTwice_answers400NamingIt() {
    Map<String, String> parameterOf =
        Map.of(
            KEYS + "?status=active&status=revoked",
            "status",
            KEYS + "?page_size=5&org_code=org_acme&page_size=500",
            "page_size",
            KEYS + "?org_code=org_acme&org_%63ode=org_other",
            "org_code",
            "/api/v1/audit_events?key_id=&key_id=",
            "key_id");

    parameterOf.forEach(
        (target, parameter) -> {
          RestFixture.Answer refused = rest.get(target);

          assertError(refused, 400, "INVALID_REQUEST");
          assertThat(message(refused)).isEqualTo(parameter + " is given more than once");
        });
    assertThat(rest.get(KEYS + "?status=active&page_size=5").status()).isEqualTo(200);
  }

  @Test
  void givenBadEnumValues_answer400NamingTheField() {
    RestFixture.Answer status = rest.get(KEYS + "?status=deleted");
    RestFixture.Answer keyType = rest.get(KEYS + "?key_type=robot");
    RestFixture.Answer apiId = rest.get(KEYS + "?api_id=users");
    RestFixture.Answer type = rest.post(KEYS, validCreate.replace("{", "{\"type\":\"robot\","));
    String keyId = rest.createKey(validCreate).id();
    RestFixture.Answer patch = rest.call("PATCH", KEYS + "/" + keyId, "{\"status\":\"paused\"}");

    assertError(status, 400, "INVALID_REQUEST");
    assertThat(message(status)).startsWith("status ");
    assertError(keyType, 400, "INVALID_REQUEST");
    assertThat(message(keyType)).startsWith("key_type ");
    assertError(apiId, 400, "INVALID_REQUEST");
    assertThat(message(apiId)).startsWith("api_id ");
    assertError(type, 400, "INVALID_REQUEST");
    assertThat(message(type)).startsWith("type ");
    assertError(patch, 400, "INVALID_REQUEST");
    assertThat(message(patch)).startsWith("status ");
  }

  // 401

  @Test
  void givenNoAuthorizationHeader_answers401() {
    RestFixture.Answer refused = rest.call("GET", KEYS, null, null);

    assertError(refused, 401, "UNAUTHORIZED");
  }

  @Test
  void givenAnotherScheme_answers401() {
    HttpRequest basic =
        HttpRequest.newBuilder(URI.create(rest.base() + KEYS))
            .header("Authorization", "Basic " + rest.rootKey)
            .GET()
            .build();

    assertError(rest.send(basic), 401, "UNAUTHORIZED");
  }

  @Test
  void givenUnknownWrongOrMalformedKey_answers401Alike() {
    RestFixture.Answer unknown = rest.call("GET", KEYS, null, TestKeygate.unknownToken());
    RestFixture.Answer wrongSecret =
        rest.call("GET", KEYS, null, TestKeygate.withWrongSecret(rest.rootKey));
    RestFixture.Answer typo = rest.call("GET", KEYS, null, TestKeygate.withTypo(rest.rootKey));
    RestFixture.Answer garbage = rest.call("GET", KEYS, null, "garbage");

    assertError(unknown, 401, "UNAUTHORIZED");
    for (RestFixture.Answer answer : List.of(wrongSecret, typo, garbage)) {
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.body()).isEqualTo(unknown.body());
    }
  }

  @Test
  void givenTwoAuthorizationHeaders_answers401AndCreatesNothing_evenWhenBothHoldTheRootKey() {
    for (String second : List.of(rest.rootKey, "garbage")) {
      HttpRequest twice =
          HttpRequest.newBuilder(URI.create(rest.base() + KEYS))
              .header("Authorization", "Bearer " + rest.rootKey)
              .header("Authorization", "Bearer " + second)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(validCreate))
              .build();

      RestFixture.Answer refused = rest.send(twice);

      assertError(refused, 401, "UNAUTHORIZED");
      assertThat(message(refused)).isEqualTo("send one Authorization header, not several");
    }
    assertThat(rest.keygate.apiKeys.all()).hasSize(1);
  }

  @Test
  void givenEmptyBearer_answers401() {
    assertError(rest.call("GET", KEYS, null, ""), 401, "UNAUTHORIZED");
    assertError(rest.call("GET", KEYS, null, " "), 401, "UNAUTHORIZED");
  }

  @Test
  void givenKeyOfAnotherApi_answers401() {
    String userApiKey = rest.createKey(validCreate).key();

    assertError(rest.call("GET", KEYS, null, userApiKey), 401, "UNAUTHORIZED");
  }

  @Test
  void givenDisabledOrRevokedManagementKey_answers401() {
    RestFixture.Issued disabled = rest.managementKey("org_code", "keygate-operator");
    RestFixture.Issued revoked = rest.managementKey("org_code", "keygate-operator");
    assertThat(rest.call("GET", KEYS, null, disabled.key()).status()).isEqualTo(200);

    rest.call("PATCH", KEYS + "/" + disabled.id(), "{\"status\":\"inactive\"}");
    rest.call("DELETE", KEYS + "/" + revoked.id(), null);

    assertError(rest.call("GET", KEYS, null, disabled.key()), 401, "UNAUTHORIZED");
    assertError(rest.call("GET", KEYS, null, revoked.key()), 401, "UNAUTHORIZED");
  }

  // 403

  @Test
  void givenManagementKeyWithoutTheScope_answers403NamingIt() {
    String reader = rest.managementKey("org_code", "keygate-operator", "read:api_keys").key();

    RestFixture.Answer create = rest.call("POST", KEYS, validCreate, reader);
    RestFixture.Answer apis = rest.call("GET", "/api/v1/apis", null, reader);
    RestFixture.Answer list = rest.call("GET", KEYS, null, reader);

    assertError(create, 403, "FORBIDDEN");
    assertThat(message(create)).contains("create:api_keys");
    assertError(apis, 403, "FORBIDDEN");
    assertThat(message(apis)).contains("read:apis");
    assertThat(list.status()).isEqualTo(200);
  }

  @Test
  void givenNeitherVerifyNorReadScope_verify_answers403NamingBoth() {
    String creator = rest.managementKey("org_code", "keygate-operator", "create:api_keys").key();

    RestFixture.Answer refused =
        rest.call("POST", KEYS + "/verify", "{\"api_key\":\"x\"}", creator);

    assertError(refused, 403, "FORBIDDEN");
    assertThat(message(refused)).contains("verify:api_keys").contains("read:api_keys");
  }

  @Test
  void givenManagementKeyGrantingAScopeItLacks_create_answers403() {
    String creator =
        rest.managementKey("org_code", "keygate-operator", "create:api_keys", "read:apis").key();

    RestFixture.Answer refused =
        rest.call(
            "POST",
            KEYS,
            "{\"name\":\"k\",\"api_id\":\"%s\",\"scope_ids\":[\"delete:apis\"],\"org_code\":\"org_acme\"}"
                .formatted(rest.managementApiId()),
            creator);

    assertError(refused, 403, "FORBIDDEN");
    assertThat(message(refused)).contains("delete:apis");
  }

  // 404

  @Test
  void givenUnknownOrMalformedIds_answer404() {
    String unknownKey = "api_key_" + "0".repeat(32);
    String unknownApi = "api_" + "0".repeat(32);
    String unknownScope = "api_scope_" + "0".repeat(32);

    RestFixture.Answer key = rest.get(KEYS + "/" + unknownKey);
    assertError(key, 404, "NOT_FOUND");
    assertThat(message(key)).isEqualTo("api key " + unknownKey + " not found");
    assertError(rest.get(KEYS + "/nope"), 404, "NOT_FOUND");
    assertError(rest.call("PUT", KEYS + "/" + unknownKey, null), 404, "NOT_FOUND");
    assertError(rest.call("DELETE", KEYS + "/API_KEY_X", null), 404, "NOT_FOUND");
    assertError(rest.call("PATCH", KEYS + "/nope", "{\"name\":\"n\"}"), 404, "NOT_FOUND");
    assertError(rest.get("/api/v1/apis/" + unknownApi), 404, "NOT_FOUND");
    assertError(rest.get("/api/v1/apis/users"), 404, "NOT_FOUND");
    assertError(rest.get("/api/v1/apis/" + unknownApi + "/scopes"), 404, "NOT_FOUND");
    assertError(rest.get("/api/v1/apis/" + api.id() + "/scopes/" + unknownScope), 404, "NOT_FOUND");
    assertError(rest.get("/api/v1/apis/" + api.id() + "/scopes/read:users"), 404, "NOT_FOUND");
  }

  @Test
  void givenUnknownRoute_answers404InTheErrorShape() {
    assertError(rest.get("/api/v1/nothing"), 404, "ROUTE_NOT_FOUND");
    assertError(rest.get("/api/v1/api_keys/" + "a".repeat(8) + "/more"), 404, "ROUTE_NOT_FOUND");
    assertError(rest.call("GET", "/nothing", null, null), 404, "ROUTE_NOT_FOUND");
  }

  // 409

  @Test
  void givenRevokedKey_patchToActive_answers409AndTheKeyStaysRevoked() {
    String keyId = rest.createKey(validCreate).id();
    rest.call("DELETE", KEYS + "/" + keyId, null);

    RestFixture.Answer refused = rest.call("PATCH", KEYS + "/" + keyId, "{\"status\":\"active\"}");

    assertError(refused, 409, "CONFLICT");
    assertThat(message(refused)).contains("revoked");
    assertThat(rest.get(KEYS + "/" + keyId).text("/api_key/status")).isEqualTo("revoked");
  }

  @Test
  void givenRevokedKey_rotate_answers409() {
    String keyId = rest.createKey(validCreate).id();
    rest.call("DELETE", KEYS + "/" + keyId, null);

    assertError(rest.call("PUT", KEYS + "/" + keyId, null), 409, "CONFLICT");
  }

  // 413 and 415

  @Test
  void givenBodyOver64KiB_answers413() {
    String huge = "{\"name\":\"" + "a".repeat(RestServer.MAX_REQUEST_BYTES) + "\"}";

    RestFixture.Answer refused = rest.post(KEYS, huge);

    assertError(refused, 413, "PAYLOAD_TOO_LARGE");
    assertThat(rest.keygate.apiKeys.all()).hasSize(1);
  }

  @Test
  void givenChunkedBodyOver64KiB_answers413() {
    byte[] huge =
        ("{\"name\":\"" + "a".repeat(RestServer.MAX_REQUEST_BYTES) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(rest.base() + KEYS))
            .header("Authorization", "Bearer " + rest.rootKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
            .build();

    assertError(rest.send(chunked), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void givenNonJsonContentType_answers415() {
    RestFixture.Answer plain = rest.call("POST", KEYS, validCreate, rest.rootKey, "text/plain");
    RestFixture.Answer none = rest.call("POST", KEYS, validCreate, rest.rootKey, null);
    RestFixture.Answer lookalike =
        rest.call("POST", KEYS, validCreate, rest.rootKey, "application/jsonx");
    RestFixture.Answer json =
        rest.call("POST", KEYS, validCreate, rest.rootKey, "application/json; charset=utf-8");
    RestFixture.Answer upperCase =
        rest.call("POST", KEYS, validCreate, rest.rootKey, "Application/JSON");

    assertError(plain, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertError(none, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertError(lookalike, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(json.status()).isEqualTo(201);
    assertThat(upperCase.status()).isEqualTo(201);
  }
}
