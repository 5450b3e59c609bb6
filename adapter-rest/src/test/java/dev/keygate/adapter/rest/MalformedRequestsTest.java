package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertErrorShape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Malformed requests on every route the server registers: broken JSON, wrong types, nulls, huge
 * strings, control characters, bad ids and bad query values. Each answers 4xx in the error shape;
 * none answers 5xx. The routes, their body fields and their query parameters are read from the
 * route declarations, so a new route is covered without touching this test.
 */
class MalformedRequestsTest {

  /** A string that fits the 64 KiB body limit but no field's length limit. */
  private static final String HUGE = "x".repeat(20_000);

  /** Body fields the caller must give; null is refused for them (elsewhere it means "absent"). */
  private static final Set<String> REQUIRED =
      Set.of(
          "CreateApiKeyRequest.name",
          "CreateApiKeyRequest.api_id",
          "SetRateLimitsRequest.rate_limits",
          "VerifyApiKeyRequest.api_key",
          "RegisterApiRequest.name",
          "RegisterApiRequest.audience",
          "AddScopeRequest.key",
          "UpdateScopeRequest.description",
          "CreateOrganizationRequest.name",
          "CreateUserRequest.name",
          "CreateApplicationRequest.name",
          "CreateApplicationRequest.type",
          "AuthorizeApplicationsRequest.applications",
          "CreateWebhookRequest.endpoint",
          "CreateWebhookRequest.event_types");

  /**
   * Fields whose text verify judges rather than refuses: whatever string is presented as a key, or
   * asked for as a scope, verify answers 200 {@code API_KEY_INVALID} (one answer for unknown,
   * malformed and wrong keys alike) or {@code API_KEY_INSUFFICIENT_SCOPE}, never an error that
   * would tell keys apart.
   */
  private static final Set<String> JUDGED =
      Set.of("VerifyApiKeyRequest.api_key", "VerifyApiKeyRequest.required_scopes");

  /**
   * Values malformed for other fields of their type that are legal for these: verify then judges
   * the key, answering 200 {@code API_KEY_INVALID}.
   */
  private static final Map<String, Set<String>> LEGAL_HERE =
      Map.of("VerifyApiKeyRequest.cost", Set.of("604801"));

  /** A cursor is any position in id order, so any text is a legal {@code starting_after}. */
  private static final Set<String> ANY_TEXT_QUERY = Set.of("starting_after");

  /**
   * Text that may hold spaces, as a key's name or an actor may: refused for what else is bad (a
   * stray %FF reads as the replacement character, which a name may hold too).
   */
  private static final Set<String> SPACED_TEXT_QUERY = Set.of("search", "actor");

  /** A valid value of each required query parameter, naming what the set-up made. */
  private static final Map<String, String> REQUIRED_QUERY =
      Map.of("id", "kp_alice", "code", "org_acme");

  private final RestFixture rest = new RestFixture();
  private Map<String, String> ids;
  private Map<Class<?>, String> validBodies;

  @BeforeEach
  void setUp() {
    Api api = rest.keygate.registerApi("https://users.example.com");
    Scope scope = rest.keygate.addScope(api, "read:users");
    rest.keygate.createOrganization("org_acme");
    String keyId =
        rest.createKey(
                "{\"name\":\"k\",\"api_id\":\"%s\",\"org_code\":\"org_acme\"}".formatted(api.id()))
            .id();
    rest.keygate.createUser("kp_alice");
    String applicationId =
        rest.post("/api/v1/applications", "{\"name\":\"App\",\"type\":\"m2m\"}")
            .text("/application/id");
    rest.call(
        "PATCH",
        "/api/v1/apis/" + api.id() + "/applications",
        "{\"applications\":[{\"id\":\"" + applicationId + "\"}]}");
    String webhookId =
        rest.post(
                "/api/v1/webhooks",
                "{\"endpoint\":\"http://127.0.0.1:9/hook\",\"event_types\":[\"api_key.created\"]}")
            .text("/webhook/id");
    rest.createKey(
        "{\"name\":\"k2\",\"api_id\":\"%s\",\"org_code\":\"org_acme\"}".formatted(api.id()));
    String deliveryId =
        rest.get("/api/v1/webhooks/" + webhookId + "/deliveries").text("/deliveries/0/id");
    ids =
        Map.of(
            "webhook_id",
            webhookId,
            "delivery_id",
            deliveryId,
            "application_id",
            applicationId,
            "key_id",
            keyId,
            "api_id",
            api.id().value(),
            "scope_id",
            scope.id().value(),
            "org_code",
            "org_acme",
            "user_id",
            "kp_alice");
    validBodies =
        Map.ofEntries(
            Map.entry(
                CreateApiKeyRequest.class,
                "{\"name\":\"k\",\"api_id\":\"%s\",\"scope_ids\":[\"read:users\"],\"org_code\":\"org_acme\"}"
                    .formatted(api.id())),
            Map.entry(VerifyApiKeyRequest.class, "{\"api_key\":\"k_live_not_a_key\"}"),
            Map.entry(RotateApiKeyRequest.class, "{\"previous_key_expires_in_seconds\":60}"),
            Map.entry(UpdateApiKeyRequest.class, "{\"name\":\"renamed\"}"),
            Map.entry(
                RegisterApiRequest.class,
                "{\"name\":\"A\",\"audience\":\"https://a.example.com\"}"),
            Map.entry(AddScopeRequest.class, "{\"key\":\"write:users\"}"),
            Map.entry(UpdateScopeRequest.class, "{\"description\":\"d\"}"),
            Map.entry(CreateOrganizationRequest.class, "{\"name\":\"Org\"}"),
            Map.entry(CreateUserRequest.class, "{\"name\":\"User\"}"),
            Map.entry(CreatePortalLinkRequest.class, "{\"org_code\":\"org_acme\"}"),
            Map.entry(SetGrantRequest.class, "{\"scope_ids\":[\"read:users\"]}"),
            Map.entry(
                SetRateLimitsRequest.class,
                "{\"rate_limits\":[{\"name\":\"burst\",\"limit\":5,\"duration_seconds\":1}]}"),
            Map.entry(CreateApplicationRequest.class, "{\"name\":\"App\",\"type\":\"m2m\"}"),
            Map.entry(UpdateApplicationRequest.class, "{\"name\":\"Renamed\"}"),
            Map.entry(UpdateOrganizationRequest.class, "{\"name\":\"Renamed\"}"),
            Map.entry(UpdateUserRequest.class, "{\"given_name\":\"Alice\"}"),
            Map.entry(
                CreateWebhookRequest.class,
                "{\"endpoint\":\"https://hooks.example.com/k\",\"event_types\":[\"api_key.revoked\"]}"),
            Map.entry(UpdateWebhookRequest.class, "{\"name\":\"Renamed\"}"),
            Map.entry(
                AuthorizeApplicationsRequest.class,
                "{\"applications\":[{\"id\":\"" + applicationId + "\"}]}"));
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  private List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    rest.groups.forEach(group -> routes.addAll(group.routes()));
    // The OAuth token endpoint reads a form and answers in RFC 6749's words, not the error shape:
    // M2mApplicationsTest (bootstrap) holds it to those.
    routes.removeIf(route -> !route.isManagement());
    return routes;
  }

  private String path(Route route, String param, String value) {
    String path = route.path();
    for (Map.Entry<String, String> id : ids.entrySet()) {
      String replacement = id.getKey().equals(param) ? value : id.getValue();
      path = path.replace("{" + id.getKey() + "}", replacement);
    }
    return path;
  }

  /** The route's path with valid ids and its required query parameters, such as {@code ?id=}. */
  private String validPath(Route route) {
    return pathWithQuery(route, "", "");
  }

  /** The valid path with {@code name=value} in place of any required parameter of that name. */
  private String pathWithQuery(Route route, String name, String value) {
    List<String> query = new ArrayList<>();
    for (Route.QueryParameter parameter : route.query()) {
      if (parameter.required() && !parameter.name().equals(name)) {
        query.add(parameter.name() + "=" + REQUIRED_QUERY.get(parameter.name()));
      }
    }
    if (!name.isEmpty()) {
      query.add(name + "=" + value);
    }
    return path(route, "", "") + (query.isEmpty() ? "" : "?" + String.join("&", query));
  }

  private static String name(Route route) {
    return route.method() + " " + route.path();
  }

  /** Asserts a refusal: 4xx, never 5xx, in the error shape. */
  private static void assertRefused(RestFixture.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
    assertErrorShape(answer);
  }

  private RestFixture.Answer send(Route route, String path, String body) {
    return rest.call(route.method().name(), path, body);
  }

  // Bodies

  private static final List<String> BROKEN_BODIES =
      List.of(
          "{",
          "{\"name\":",
          "{\"name\":\"k\"",
          "{\"name\" \"k\"}",
          "{'name':'k'}",
          "{\"name\":\"k\",}",
          "{\"name\":\"k\"} trailing",
          "{\"name\":\"k\"}{\"name\":\"k\"}",
          "[]",
          "[{}]",
          "\"text\"",
          "42",
          "true",
          "null",
          "{\"no_such_field\":1}",
          "{\"name\":\"a\u0001b\"}",
          "{\"name\":\"k\",\"name\":\"k\"}",
          "[".repeat(5_000) + "]".repeat(5_000),
          "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
          "\u0000\u0000\u0000");

  @TestFactory
  Stream<DynamicTest> brokenJsonAndWrongShapes_answer400() {
    return routes().stream()
        .filter(route -> route.request().isPresent())
        .flatMap(
            route ->
                BROKEN_BODIES.stream()
                    .map(
                        body ->
                            DynamicTest.dynamicTest(
                                name(route) + " " + abbreviate(body),
                                () -> {
                                  RestFixture.Answer answer = send(route, validPath(route), body);
                                  assertRefused(answer);
                                  assertThat(answer.status()).isEqualTo(400);
                                })));
  }

  @TestFactory
  Stream<DynamicTest> invalidUtf8Body_answers400() {
    byte[] invalid = {
      '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
    };
    return routes().stream()
        .filter(route -> route.request().isPresent())
        .map(
            route ->
                DynamicTest.dynamicTest(
                    name(route),
                    () -> {
                      HttpRequest request =
                          HttpRequest.newBuilder(URI.create(rest.base() + validPath(route)))
                              .header("Authorization", "Bearer " + rest.rootKey)
                              .header("Content-Type", "application/json")
                              .method(
                                  route.method().name(),
                                  HttpRequest.BodyPublishers.ofByteArray(invalid))
                              .build();
                      RestFixture.Answer answer = rest.send(request);
                      assertRefused(answer);
                      assertThat(answer.status()).isEqualTo(400);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> emptyObject_answers400WhereABodyIsRequired() {
    return routes().stream()
        .filter(route -> route.request().isPresent() && !route.optionalRequest())
        .map(
            route ->
                DynamicTest.dynamicTest(
                    name(route),
                    () -> {
                      RestFixture.Answer answer = send(route, validPath(route), "{}");
                      assertRefused(answer);
                      assertThat(answer.status()).isEqualTo(400);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> malformedFieldValues_answer400() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : routes()) {
      if (route.request().isEmpty()) {
        continue;
      }
      Class<?> type = route.request().get();
      for (RecordComponent component : type.getRecordComponents()) {
        String field = snake(component.getName());
        String qualified = type.getSimpleName() + "." + field;
        for (String value : malformedValues(component.getGenericType(), qualified)) {
          tests.add(
              DynamicTest.dynamicTest(
                  name(route) + " " + field + "=" + abbreviate(value),
                  () -> {
                    String body = withField(validBodies.get(type), field, value);
                    RestFixture.Answer answer = send(route, validPath(route), body);
                    if (LEGAL_HERE.getOrDefault(qualified, Set.of()).contains(value)) {
                      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                      assertThat(answer.json().get("is_valid").asBoolean()).isFalse();
                      return;
                    }
                    if (JUDGED.contains(qualified) && isText(value) && answer.status() == 200) {
                      assertThat(answer.json().get("is_valid").asBoolean()).isFalse();
                      return;
                    }
                    assertRefused(answer);
                    assertThat(answer.status()).isEqualTo(400);
                    assertThat(answer.text("/errors/0/message")).doesNotContain(HUGE);
                  }));
        }
      }
    }
    return tests.stream();
  }

  private static List<String> malformedValues(Type type, String qualified) {
    List<String> values = new ArrayList<>();
    if (type == String.class) {
      values.addAll(
          List.of(
              "123",
              "1.5",
              "true",
              "{}",
              "[]",
              "[\"a\"]",
              quote(HUGE),
              "\"a\\u0000b\"",
              "\"line\\nbreak\\u0007\"",
              "\"\\u001b[2J\""));
    } else if (type == Long.class) {
      values.addAll(
          List.of(
              "\"60\"",
              "true",
              "{}",
              "[]",
              "1.5",
              "-1",
              "1e30",
              "99999999999999999999999",
              "604801"));
    } else if (type == Boolean.class) {
      values.addAll(List.of("\"true\"", "\"yes\"", "1", "0", "{}", "[]", "[true]"));
    } else if (type == Instant.class) {
      values.addAll(
          List.of(
              "\"tomorrow\"",
              "\"2026-13-01T00:00:00Z\"",
              "\"2020-01-01T00:00:00Z\"",
              "true",
              "{}",
              "[]",
              quote(HUGE)));
    } else if (type instanceof ParameterizedType list
        && list.getRawType() == List.class
        && list.getActualTypeArguments()[0] == String.class) {
      values.addAll(
          List.of(
              "\"read:users\"",
              "true",
              "7",
              "{}",
              "[7]",
              "[true]",
              "[null]",
              "[[]]",
              "[{}]",
              "[" + quote(HUGE) + "]",
              "[\"a\\u0000b\"]"));
    } else if (type instanceof Class<?> record && record.isRecord()) {
      values.addAll(List.of("123", "\"x\"", "true", "[]", "[{}]"));
    } else if (type instanceof ParameterizedType list
        && list.getRawType() == List.class
        && list.getActualTypeArguments()[0] instanceof Class<?> element
        && element.isRecord()) {
      values.addAll(
          List.of(
              "\"x\"",
              "true",
              "7",
              "{}",
              "[7]",
              "[true]",
              "[null]",
              "[\"x\"]",
              "[[]]",
              "[{}]",
              "[{\"id\":7}]",
              "[" + quote(HUGE) + "]"));
    } else {
      throw new AssertionError("no malformed values for " + type + " of " + qualified);
    }
    if (REQUIRED.contains(qualified)) {
      values.add("null");
    }
    return values;
  }

  /** The JSON values a verify may judge rather than refuse. */
  @TestFactory
  Stream<DynamicTest> judgedFieldsAnswerInvalidNotAnError() {
    return Stream.of(quote(HUGE), "\"a\\u0000b\"", "\"\\u001b[2J\"", "\"\"", "\" \"")
        .map(
            value ->
                DynamicTest.dynamicTest(
                    "verify api_key=" + abbreviate(value),
                    () -> {
                      RestFixture.Answer answer =
                          rest.post("/api/v1/api_keys/verify", "{\"api_key\":" + value + "}");
                      assertThat(answer.status()).isEqualTo(200);
                      assertThat(answer.text("/code")).isEqualTo("API_KEY_INVALID");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> bodyOver64KiB_answers413() {
    String huge = "{\"name\":" + quote("x".repeat(RestServer.MAX_REQUEST_BYTES)) + "}";
    return routes().stream()
        .filter(route -> route.request().isPresent())
        .map(
            route ->
                DynamicTest.dynamicTest(
                    name(route),
                    () -> {
                      // A fresh connection: the server closes it after refusing the unread body.
                      RestFixture.Answer answer =
                          rest.callOnNewConnection(route.method().name(), validPath(route), huge);
                      assertRefused(answer);
                      assertThat(answer.status()).isEqualTo(413);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> nonJsonContentType_answers415() {
    return routes().stream()
        .filter(route -> route.request().isPresent())
        .flatMap(
            route ->
                Stream.of(
                        "text/plain",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data",
                        "application/jsonx",
                        "application/json-patch+json")
                    .map(
                        type ->
                            DynamicTest.dynamicTest(
                                name(route) + " " + type,
                                () -> {
                                  RestFixture.Answer answer =
                                      rest.call(
                                          route.method().name(),
                                          validPath(route),
                                          validBodies.get(route.request().get()),
                                          rest.rootKey,
                                          type);
                                  assertRefused(answer);
                                  assertThat(answer.status()).isEqualTo(415);
                                })));
  }

  // Ids

  private static final List<String> BAD_IDS =
      List.of(
          "x",
          "0",
          "api_key_",
          "api_",
          "api_scope_",
          "API_KEY_0123456789abcdef0123456789abcdef",
          "api_key_0123456789abcdef0123456789abcde",
          "api_key_0123456789abcdef0123456789abcdef0",
          "api_key_0123456789ABCDEF0123456789ABCDEF",
          "api_key_ghijklmnopqrstuvghijklmnopqrstuv",
          "api_scope_0123456789abcdef0123456789abcdef",
          "%20",
          "%0A",
          "%C3%BC",
          "a%2Fb",
          "%2e%2e",
          "a%3Bb",
          "'%20OR%201=1--",
          "k_live_abc",
          "y".repeat(2_000));

  /** Paths Jetty cannot decode (a NUL, bytes that are not UTF-8): refused before routing. */
  private static final List<String> UNREADABLE_IDS =
      List.of("%00", "%FF", "api_0123456789abcdef0123456789abcdef%00");

  @TestFactory
  Stream<DynamicTest> badIds_answer404() {
    return badIdTests(BAD_IDS, 404);
  }

  @TestFactory
  Stream<DynamicTest> undecodablePaths_answer400InTheErrorShape() {
    return badIdTests(UNREADABLE_IDS, 400);
  }

  @TestFactory
  Stream<DynamicTest> overlongPaths_answer414InTheErrorShape() {
    return badIdTests(List.of("y".repeat(10_000)), 414);
  }

  private Stream<DynamicTest> badIdTests(List<String> badIds, int status) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : routes()) {
      for (String param : ids.keySet()) {
        if (!route.path().contains("{" + param + "}")) {
          continue;
        }
        for (String bad : badIds) {
          tests.add(
              DynamicTest.dynamicTest(
                  name(route) + " " + param + "=" + abbreviate(bad),
                  () -> {
                    String body = route.request().map(validBodies::get).orElse(null);
                    RestFixture.Answer answer =
                        rest.callOnNewConnection(
                            route.method().name(), path(route, param, bad), body);
                    assertRefused(answer);
                    assertThat(answer.status()).isEqualTo(status);
                  }));
        }
      }
    }
    return tests.stream();
  }

  @Test
  void givenHeadersOverJettysLimit_answers431InTheErrorShape() {
    RestFixture.Answer answer = rest.call("GET", "/api/v1/api_keys", null, "k".repeat(20_000));

    assertRefused(answer);
    assertThat(answer.status()).isEqualTo(431);
  }

  // Query strings

  @TestFactory
  Stream<DynamicTest> badQueryValues_answer400() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : routes()) {
      for (Route.QueryParameter parameter : route.query()) {
        if (ANY_TEXT_QUERY.contains(parameter.name())) {
          continue;
        }
        List<String> values =
            parameter.type().equals("integer")
                ? List.of("0", "-1", "501", "abc", "1.5", "1e3", "99999999999", "%00", "5%0A")
                : SPACED_TEXT_QUERY.contains(parameter.name())
                    ? List.of("%00", "a%0Ab", "%1B", "z".repeat(2_000))
                    : List.of("bad%20value", "%00", "a%0Ab", "%FF", "z".repeat(2_000));
        for (String value : values) {
          tests.add(
              DynamicTest.dynamicTest(
                  name(route) + " ?" + parameter.name() + "=" + abbreviate(value),
                  () -> {
                    RestFixture.Answer answer =
                        send(route, pathWithQuery(route, parameter.name(), value), null);
                    assertRefused(answer);
                    assertThat(answer.status()).isEqualTo(400);
                    assertThat(answer.text("/errors/0/message")).doesNotContain("z".repeat(100));
                  }));
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyRouteWithoutAKey_answers401() {
    return routes().stream()
        .map(
            route ->
                DynamicTest.dynamicTest(
                    name(route),
                    () -> {
                      RestFixture.Answer answer =
                          rest.call(
                              route.method().name(),
                              validPath(route),
                              route.request().map(validBodies::get).orElse(null),
                              null);
                      assertRefused(answer);
                      assertThat(answer.status()).isEqualTo(401);
                    }));
  }

  // Helpers

  private static String withField(String validBody, String field, String value) {
    try {
      ObjectNode body = (ObjectNode) WireJson.mapper().readTree(validBody);
      JsonNode parsed = WireJson.mapper().readTree(value);
      body.set(field, parsed);
      return WireJson.mapper().writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the JSON value is a string or an array of strings: text for verify to judge. */
  private static boolean isText(String value) {
    try {
      JsonNode node = WireJson.mapper().readTree(value);
      if (node.isArray()) {
        for (JsonNode element : node) {
          if (!element.isTextual()) {
            return false;
          }
        }
        return true;
      }
      return node.isTextual();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String text) {
    return WireJson.write(text);
  }

  private static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }

  private static String abbreviate(String text) {
    String printable = URLEncoder.encode(text, StandardCharsets.UTF_8);
    return printable.length() <= 40
        ? printable
        : printable.substring(0, 40) + "...(" + text.length() + ")";
  }
}
