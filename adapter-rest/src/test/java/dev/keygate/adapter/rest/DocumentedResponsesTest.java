package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keygate.application.fake.FakeScanningSignatures;
import dev.keygate.domain.api.Api;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real answers of the running server, checked against the schemas {@code /openapi.json} documents
 * for their route and status: every status answered must be documented, with its media type, and
 * every JSON body must validate, without undocumented fields.
 */
class DocumentedResponsesTest {

  private final RestFixture rest = new RestFixture();
  private final DocumentedApi api = DocumentedApi.of(rest);
  private final Set<String> answered = new TreeSet<>();

  @AfterEach
  void stop() {
    rest.close();
  }

  @Test
  void everyRoute_answersItsDocumentedSuccessSchema() {
    Api users = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.addScope(users, "read:users");
    rest.keygate.createOrganization("org_acme");

    RestFixture.Answer created =
        exchange(
            "POST",
            "/api/v1/api_keys",
            """
            {"name":"Production Integration","api_id":"%s","scope_ids":["read:users"],
             "org_code":"org_acme","expires_on":"2099-01-01T00:00:00Z"}
            """
                .formatted(users.id()));
    assertThat(created.status()).isEqualTo(201);
    String keyId = created.text("/api_key/id");
    String token = created.text("/api_key/key");

    RestFixture.Answer valid =
        exchange(
            "POST",
            "/api/v1/api_keys/verify",
            """
            {"api_key":"%s","required_scopes":["read:users"],"api_id":"%s"}
            """
                .formatted(token, users.id()));
    assertThat(valid.json().get("is_valid").asBoolean()).isTrue();
    assertThat(valid.json().has("key_id")).isTrue();
    RestFixture.Answer invalid =
        exchange("POST", "/api/v1/api_keys/verify", "{\"api_key\":\"k_live_nonsense\"}");
    assertThat(invalid.json().get("is_valid").asBoolean()).isFalse();
    assertThat(invalid.json().has("key_id")).isFalse();

    // Keygate's usage policy: a key with every part of it, verified with the opt-in.
    RestFixture.Answer limited =
        exchange(
            "POST",
            "/api/v1/api_keys",
            """
            {"name":"Metered","api_id":"%s","org_code":"org_acme",
             "rate_limits":[{"name":"burst","limit":5,"duration_seconds":1}],
             "credits":{"remaining":10,"refill":{"amount":10,"interval":"monthly","day":3}},
             "ip_allowlist":["203.0.113.0/24","2001:db8::/32"]}
            """
                .formatted(users.id()));
    String limitedId = limited.text("/api_key/id");
    RestFixture.Answer metered =
        exchangeExtended(
            "POST",
            "/api/v1/api_keys/verify",
            "{\"api_key\":\"%s\",\"client_ip\":\"203.0.113.7\",\"cost\":2}"
                .formatted(limited.text("/api_key/key")));
    assertThat(metered.json().get("credits_remaining").asLong()).isEqualTo(8);
    assertThat(metered.text("/rate_limit/name")).isEqualTo("burst");
    RestFixture.Answer policy =
        exchangeExtended("GET", "/api/v1/api_keys/{key_id}", null, limitedId);
    assertThat(policy.text("/api_key/credits/refill/interval")).isEqualTo("monthly");
    exchangeExtended(
        "PATCH", "/api/v1/api_keys/{key_id}", "{\"credits\":null,\"rate_limits\":[]}", limitedId);
    for (String[] owner :
        List.of(
            new String[] {"/api/v1/organizations/{org_code}", "org_acme"},
            new String[] {"/api/v1/users/{user_id}", "kp_carol"})) {
      if (owner[1].startsWith("kp_")) {
        rest.keygate.createUser(owner[1]);
      }
      RestFixture.Answer shared =
          exchange(
              "PUT",
              owner[0] + "/rate_limits",
              "{\"rate_limits\":[{\"name\":\"daily\",\"limit\":10000,\"duration_seconds\":86400}]}",
              owner[1]);
      assertThat(shared.text("/rate_limits/0/name")).isEqualTo("daily");
      exchange("GET", owner[0] + "/rate_limits", null, owner[1]);
      RestFixture.Answer daily = exchange("GET", owner[0] + "/usage?period=30d", null, owner[1]);
      assertThat(daily.json().get("buckets")).hasSize(30);
    }
    RestFixture.Answer usage = exchange("GET", "/api/v1/api_keys/{key_id}/usage", null, limitedId);
    assertThat(usage.json().get("buckets")).hasSize(24);
    exchangeExtended("GET", "/api/v1/api_keys?page_size=10", null);

    RestFixture.Answer listed = exchange("GET", "/api/v1/api_keys?page_size=10", null);
    assertThat(listed.json().get("api_keys")).hasSize(3);
    RestFixture.Answer one = exchange("GET", "/api/v1/api_keys/{key_id}", null, keyId);
    assertThat(one.json().get("api_key").has("expires_on")).isFalse();
    RestFixture.Answer rich = exchangeExtended("GET", "/api/v1/api_keys/{key_id}", null, keyId);
    assertThat(rich.text("/api_key/expires_on")).isEqualTo("2099-01-01T00:00:00Z");

    exchange("PATCH", "/api/v1/api_keys/{key_id}", "{\"status\":\"inactive\"}", keyId);
    exchangeExtended("PATCH", "/api/v1/api_keys/{key_id}", "{\"status\":\"active\"}", keyId);
    exchange("PUT", "/api/v1/api_keys/{key_id}", "{\"previous_key_expires_in_seconds\":60}", keyId);
    RestFixture.Answer rotated = exchange("PUT", "/api/v1/api_keys/{key_id}", null, keyId);
    assertThat(rotated.text("/api_key/key")).isNotEqualTo(token);
    exchange("DELETE", "/api/v1/api_keys/{key_id}", null, keyId);
    RestFixture.Answer revoked = exchangeExtended("GET", "/api/v1/api_keys/{key_id}", null, keyId);
    assertThat(revoked.json().get("api_key").has("revoked_on")).isTrue();

    RestFixture.Answer registered =
        exchange("POST", "/api/v1/apis", "{\"name\":\"Billing\",\"audience\":\"billing\"}");
    String apiId = registered.text("/api/id");
    exchange("GET", "/api/v1/apis", null);
    exchange("GET", "/api/v1/apis?expand=scopes", null);
    exchangeExtended("GET", "/api/v1/apis?expand=scopes", null);
    RestFixture.Answer scope =
        exchange(
            "POST",
            "/api/v1/apis/{api_id}/scopes",
            "{\"key\":\"pay\",\"description\":\"Pay bills\"}",
            apiId);
    String scopeId = scope.text("/scope/id");
    exchange("GET", "/api/v1/apis/{api_id}/scopes", null, apiId);
    exchange("GET", "/api/v1/apis/{api_id}/scopes/{scope_id}", null, apiId, scopeId);
    exchange(
        "PATCH",
        "/api/v1/apis/{api_id}/scopes/{scope_id}",
        "{\"description\":\"Pay every bill\"}",
        apiId,
        scopeId);
    exchange("GET", "/api/v1/apis/{api_id}", null, apiId);
    exchangeExtended("GET", "/api/v1/apis/{api_id}", null, apiId);
    exchange("DELETE", "/api/v1/apis/{api_id}/scopes/{scope_id}", null, apiId, scopeId);
    exchange("DELETE", "/api/v1/apis/{api_id}", null, apiId);
    exchange("POST", "/api/v1/organization", "{\"name\":\"Globex\",\"code\":\"org_globex\"}");
    exchange("GET", "/api/v1/organization?code=org_globex", null);
    exchange("GET", "/api/v1/organizations?page_size=1", null);
    exchangeExtended("GET", "/api/v1/organizations?page_size=1", null);
    exchange(
        "POST",
        "/api/v1/user",
        "{\"id\":\"kp_alice\",\"name\":\"Alice\",\"email\":\"alice@example.com\"}");
    exchange("GET", "/api/v1/user?id=kp_alice", null);
    exchangeExtended("GET", "/api/v1/user?id=kp_alice", null);
    exchange("GET", "/api/v1/users", null);
    exchangeExtended("GET", "/api/v1/users", null);
    exchange("GET", "/api/v1/users?email=ALICE@example.com,bob@example.com", null);
    exchange("GET", "/api/v1/organizations?sort=name_desc", null);
    exchange("PATCH", "/api/v1/organization/{org_code}", "{\"name\":\"Globex Inc\"}", "org_globex");
    RestFixture.Answer renamed =
        exchange("PATCH", "/api/v1/user?id=kp_alice", "{\"family_name\":\"Liddell\"}");
    assertThat(renamed.text("/family_name")).isEqualTo("Liddell");
    exchangeExtended("PATCH", "/api/v1/user?id=kp_alice", "{\"given_name\":\"Alicia\"}");
    exchange("POST", "/api/v1/user", "{\"id\":\"kp_gone\",\"name\":\"Gone\"}");
    exchange("DELETE", "/api/v1/user?id=kp_gone", null);
    exchange("POST", "/api/v1/organization", "{\"name\":\"Gone\",\"code\":\"org_gone\"}");
    exchange("DELETE", "/api/v1/organization/{org_code}", null, "org_gone");
    String grant = "{\"scope_ids\":[\"read:users\"]}";
    for (String[] owner :
        List.of(
            new String[] {"/api/v1/organizations/{org_code}/grants", "org_acme"},
            new String[] {"/api/v1/users/{user_id}/grants", "kp_alice"})) {
      String grants = owner[0];
      RestFixture.Answer set =
          exchange("PUT", grants + "/{api_id}", grant, owner[1], users.id().value());
      assertThat(set.text("/grant/scopes/0/key")).isEqualTo("read:users");
      assertThat(exchange("GET", grants, null, owner[1]).json().get("grants")).hasSize(1);
      exchange("DELETE", grants + "/{api_id}", null, owner[1], users.id().value());
    }
    exchange("GET", "/api/v1/audit_events?key_id=" + keyId, null);
    RestFixture.Answer link =
        exchange("POST", "/api/v1/portal_links", "{\"org_code\":\"org_acme\"}");
    assertThat(link.text("/url")).startsWith(rest.base() + "/portal#k_live_");

    String management = rest.managementApiId();
    RestFixture.Answer application =
        exchange("POST", "/api/v1/applications", "{\"name\":\"Billing sync\",\"type\":\"m2m\"}");
    String applicationId = application.text("/application/id");
    String secret = application.text("/application/client_secret");
    exchange("GET", "/api/v1/applications", null);
    exchange("GET", "/api/v1/applications?sort=name_asc&page_size=1", null);
    exchange("GET", "/api/v1/applications/{application_id}", null, applicationId);
    exchange(
        "PATCH", "/api/v1/applications/{application_id}", "{\"name\":\"Billing\"}", applicationId);
    exchange(
        "PATCH",
        "/api/v1/apis/{api_id}/applications",
        "{\"applications\":[{\"id\":\"%s\"}]}".formatted(applicationId),
        management);
    String readApplications =
        rest.get("/api/v1/apis/" + management)
            .json()
            .at("/api/scopes")
            .findValuesAsText("id")
            .get(0);
    exchange(
        "POST",
        "/api/v1/apis/{api_id}/applications/{application_id}/scopes/{scope_id}",
        null,
        management,
        applicationId,
        readApplications);
    // Keygate's fields come with the opt-in: which APIs the application may ask tokens for.
    RestFixture.Answer authorized =
        exchangeExtended("GET", "/api/v1/applications/{application_id}", null, applicationId);
    assertThat(authorized.text("/application/apis/0/id")).isEqualTo(management);
    assertThat(authorized.text("/application/apis/0/scopes/0/id")).isEqualTo(readApplications);
    assertThat(authorized.json().at("/application/apis/0/scopes")).hasSize(1);
    assertThat(
            exchangeExtended("GET", "/api/v1/applications", null)
                .text("/applications/0/created_on"))
        .isEqualTo(authorized.text("/application/created_on"))
        .isNotEmpty();
    RestFixture.Answer accessToken =
        check(
            "POST",
            "/oauth2/token",
            rest.send(
                HttpRequest.newBuilder(URI.create(rest.base() + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&audience=keygate-management&client_id="
                                + applicationId
                                + "&client_secret="
                                + secret))
                    .build()));
    assertThat(accessToken.text("/token_type")).isEqualTo("Bearer");
    check(
        "POST",
        "/oauth2/token",
        rest.send(
            HttpRequest.newBuilder(URI.create(rest.base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&audience=x"))
                .build()));
    exchange("GET", "/.well-known/jwks.json", null);
    exchange("GET", "/.well-known/openid-configuration", null);
    RestFixture.Answer rotatedSecret =
        exchange(
            "POST", "/api/v1/applications/{application_id}/rotate_secret", null, applicationId);
    assertThat(rotatedSecret.text("/application/client_secret")).isNotEqualTo(secret);
    exchange(
        "DELETE",
        "/api/v1/apis/{api_id}/applications/{application_id}/scopes/{scope_id}",
        null,
        management,
        applicationId,
        readApplications);
    exchange("DELETE", "/api/v1/applications/{application_id}", null, applicationId);

    // Webhooks: Kinde's shapes, and with the opt-in Keygate's.
    RestFixture.Answer hook =
        exchange(
            "POST",
            "/api/v1/webhooks",
            "{\"endpoint\":\"https://hooks.example.com/k\",\"event_types\":[\"api_key.created\"]}");
    String webhookId = hook.text("/webhook/id");
    RestFixture.Answer richHook =
        exchangeExtended(
            "POST",
            "/api/v1/webhooks",
            "{\"endpoint\":\"https://hooks.example.com/o\",\"event_types\":[\"api_key.revoked\"],"
                + "\"org_code\":\"org_acme\",\"description\":\"SOC\"}");
    assertThat(richHook.text("/webhook/signing_secret")).startsWith("whsec_");
    exchange("GET", "/api/v1/webhooks", null);
    exchangeExtended("GET", "/api/v1/webhooks", null);
    exchange("GET", "/api/v1/webhooks/{webhook_id}", null, webhookId);
    exchange("PATCH", "/api/v1/webhooks/{webhook_id}", "{\"name\":\"Keys\"}", webhookId);
    exchange("POST", "/api/v1/webhooks/{webhook_id}/rotate_secret", null, webhookId);
    exchange(
        "POST",
        "/api/v1/api_keys",
        "{\"name\":\"hooked\",\"api_id\":\"%s\",\"org_code\":\"org_acme\"}".formatted(users.id()));
    RestFixture.Answer deliveries =
        exchange("GET", "/api/v1/webhooks/{webhook_id}/deliveries?page_size=5", null, webhookId);
    String deliveryId = deliveries.text("/deliveries/0/id");
    exchange(
        "POST",
        "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
        null,
        webhookId,
        deliveryId);
    exchange("DELETE", "/api/v1/webhooks/{webhook_id}", null, webhookId);
    // The two routes open to callers without a management key.
    byte[] report =
        "[{\"token\":\"k_live_nonsense\",\"type\":\"keygate_api_key\",\"url\":\"https://github.com/x\",\"source\":\"content\"}]"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    RestFixture.Answer labels =
        check(
            "POST",
            "/api/v1/secret_scanning",
            rest.send(
                HttpRequest.newBuilder(URI.create(rest.base() + "/api/v1/secret_scanning"))
                    .header("Content-Type", "application/json")
                    .header(LeakRoutes.KEY_IDENTIFIER, FakeScanningSignatures.KEY_IDENTIFIER)
                    .header(LeakRoutes.SIGNATURE, FakeScanningSignatures.sign(report))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(report))
                    .build()));
    assertThat(labels.text("/0/label")).isEqualTo("false_positive");
    check(
        "POST",
        "/api/v1/secret_scanning",
        rest.send(
            HttpRequest.newBuilder(URI.create(rest.base() + "/api/v1/secret_scanning"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(report))
                .build()));
    check(
        "POST",
        "/api/v1/api_keys/revoke_leaked",
        rest.call("POST", "/api/v1/api_keys/revoke_leaked", "{\"tokens\":[\"k_live_x\"]}", null));
    check(
        "POST",
        "/api/v1/api_keys/revoke_leaked",
        rest.call("POST", "/api/v1/api_keys/revoke_leaked", "{\"tokens\":[]}", null));

    exchange("GET", "/health", null);
    rest.databaseUp.set(false);
    assertThat(exchange("GET", "/health", null).status()).isEqualTo(503);
    exchange("GET", "/health/live", null);
    exchange("GET", "/metrics", null);
    exchange("GET", "/openapi.json", null);
    exchange("GET", "/docs", null);
    exchange("GET", "/console", null);
    exchange("GET", "/portal", null);
    exchange("GET", "/favicon.ico", null);

    Set<String> succeeded = new TreeSet<>();
    for (String operation : api.operations()) {
      String[] methodAndPath = operation.split(" ");
      int success = api.successStatus(methodAndPath[0], methodAndPath[1]);
      if (answered.contains(operation + " " + success)) {
        succeeded.add(operation);
      }
    }
    assertThat(succeeded)
        .as("documented operations this test saw succeed; give each new route a call above")
        .isEqualTo(api.operations());
  }

  @Test
  void failures_answerTheirDocumentedErrorSchema() {
    assertThat(exchangeAs(null, "GET", "/api/v1/api_keys", null).status()).isEqualTo(401);
    assertThat(exchangeAs("k_live_nonsense", "GET", "/api/v1/api_keys", null).status())
        .isEqualTo(401);
    assertThat(exchange("GET", "/api/v1/api_keys?page_size=0", null).status()).isEqualTo(400);
    assertThat(exchange("POST", "/api/v1/api_keys", "{\"name\":").status()).isEqualTo(400);

    RestFixture.Answer nameless = exchange("POST", "/api/v1/api_keys", "{\"org_code\":\"org_a\"}");
    assertThat(nameless.status()).isEqualTo(400);
    assertThat(nameless.text("/errors/0/message")).isEqualTo("name is required");
    RestFixture.Answer tokenless = exchange("POST", "/api/v1/api_keys/verify", "{}");
    assertThat(tokenless.text("/errors/0/message")).isEqualTo("api_key is required");

    String unknown = "api_key_" + "0".repeat(32);
    assertThat(exchange("GET", "/api/v1/api_keys/{key_id}", null, unknown).status()).isEqualTo(404);

    Api users = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.createOrganization("org_acme");
    String grant = "{\"name\":\"n\",\"api_id\":\"%s\",\"org_code\":\"org_acme\"}";
    String limited = readOnlyManagementKey();
    assertThat(
            exchangeAs(limited, "POST", "/api/v1/api_keys", grant.formatted(users.id())).status())
        .isEqualTo(403);

    String keyId = rootKeyId();
    RestFixture.Answer tooLarge =
        check(
            "POST",
            "/api/v1/api_keys",
            rest.send(
                request("/api/v1/api_keys")
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"" + "x".repeat(RestServer.MAX_REQUEST_BYTES) + "\"}"))
                    .build()));
    assertThat(tooLarge.status()).isEqualTo(413);
    RestFixture.Answer wrongType =
        check(
            "PATCH",
            "/api/v1/api_keys/{key_id}",
            rest.send(
                request("/api/v1/api_keys/" + keyId)
                    .header("Content-Type", "text/plain")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("name=x"))
                    .build()));
    assertThat(wrongType.status()).isEqualTo(415);

    String other =
        exchange("POST", "/api/v1/api_keys", grant.formatted(users.id())).text("/api_key/id");
    exchange("DELETE", "/api/v1/api_keys/{key_id}", null, other);
    assertThat(exchange("DELETE", "/api/v1/api_keys/{key_id}", null, other).status())
        .isEqualTo(409);

    assertThat(answered)
        .contains(
            "GET /api/v1/api_keys 400",
            "GET /api/v1/api_keys 401",
            "POST /api/v1/api_keys 400",
            "POST /api/v1/api_keys 403",
            "POST /api/v1/api_keys 413",
            "GET /api/v1/api_keys/{key_id} 404",
            "PATCH /api/v1/api_keys/{key_id} 415",
            "DELETE /api/v1/api_keys/{key_id} 409");
  }

  @Test
  void aBodyThatBreaksItsSchema_failsValidation() {
    Api users = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.createOrganization("org_acme");
    RestFixture.Answer created =
        exchange(
            "POST",
            "/api/v1/api_keys",
            "{\"name\":\"n\",\"api_id\":\"%s\",\"org_code\":\"org_acme\"}".formatted(users.id()));
    String post = "POST";
    String keys = "/api/v1/api_keys";

    assertThat(api.errors(post, keys, 201, created.body())).isEmpty();
    assertThat(api.errors(post, keys, 201, without(created.json(), "api_key")))
        .singleElement()
        .asString()
        .contains("api_key");
    ObjectNode keyless = (ObjectNode) created.json();
    ((ObjectNode) keyless.get("api_key")).remove("key");
    assertThat(api.errors(post, keys, 201, keyless.toString())).isNotEmpty();
    ObjectNode extra = (ObjectNode) created.json();
    extra.put("secret", "s");
    assertThat(api.errors(post, keys, 201, extra.toString())).isNotEmpty();

    RestFixture.Answer one =
        exchange("GET", "/api/v1/api_keys/{key_id}", null, created.text("/api_key/id"));
    String get = "GET";
    String key = "/api/v1/api_keys/{key_id}";
    assertThat(api.errors(get, key, 200, one.body())).isEmpty();
    ObjectNode undated = (ObjectNode) one.json();
    ((ObjectNode) undated.get("api_key")).put("created_on", "yesterday");
    assertThat(api.errors(get, key, 200, undated.toString())).isNotEmpty();
    ObjectNode uncounted = (ObjectNode) one.json();
    ((ObjectNode) uncounted.get("api_key")).put("verification_count", "3");
    assertThat(api.errors(get, key, 200, uncounted.toString())).isNotEmpty();

    assertThat(api.errors("ErrorResponse", "{\"errors\":[{\"code\":\"C\",\"message\":\"m\"}]}"))
        .isEmpty();
    assertThat(api.errors("ErrorResponse", "{\"errors\":[{\"code\":\"C\"}]}")).isNotEmpty();
    assertThat(api.errors(get, key, 404, "{\"error\":\"not found\"}")).isNotEmpty();
  }

  /** Calls with the root key; {@code path} may carry a query string after the template. */
  private RestFixture.Answer exchange(String method, String path, String body, String... ids) {
    return exchangeAs(rest.rootKey, method, path, body, ids);
  }

  private RestFixture.Answer exchangeAs(
      String bearer, String method, String path, String body, String... ids) {
    String concrete = path;
    for (String id : ids) {
      concrete = concrete.replaceFirst("\\{[a-z_]+}", id);
    }
    return check(method, path.split("\\?")[0], rest.call(method, concrete, body, bearer));
  }

  /**
   * Calls with the root key and the opt-in {@code Keygate-Extensions: true}; the answer must be the
   * richer one the operation documents.
   */
  private RestFixture.Answer exchangeExtended(
      String method, String path, String body, String... ids) {
    String concrete = path;
    for (String id : ids) {
      concrete = concrete.replaceFirst("\\{[a-z_]+}", id);
    }
    String template = path.split("\\?")[0];
    RestFixture.Answer answer = rest.extended(method, concrete, body);
    int status = answer.status();
    assertThat(api.hasExtended(method, template, status))
        .as("%s %s documents a richer answer", method, template)
        .isTrue();
    assertThat(api.extendedErrors(method, template, status, answer.body()))
        .as("%s %s %d with the opt-in: %s", method, template, status, answer.body())
        .isEmpty();
    return answer;
  }

  /** The answer must be documented for the operation, with its media type and schema. */
  private RestFixture.Answer check(String method, String template, RestFixture.Answer answer) {
    int status = answer.status();
    assertThat(api.response(method, template, status))
        .as("%s %s answered %d: %s", method, template, status, answer.body())
        .isPresent();
    String mediaType = api.mediaType(method, template, status);
    String contentType = answer.response().headers().firstValue("Content-Type").orElse("");
    assertThat(contentType.split(";")[0].strip().toLowerCase(Locale.ROOT))
        .as("%s %s %d content type", method, template, status)
        .isEqualTo(mediaType);
    if (mediaType.equals("application/json")) {
      assertThat(api.errors(method, template, status, answer.body()))
          .as("%s %s %d: %s", method, template, status, answer.body())
          .isEmpty();
    }
    answered.add(method + " " + template + " " + status);
    return answer;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(rest.base() + path))
        .header("Authorization", "Bearer " + rest.rootKey);
  }

  private String rootKeyId() {
    return exchange("GET", "/api/v1/api_keys", null).text("/api_keys/0/id");
  }

  /** A key of the operator organization on the management API that may only read keys. */
  private String readOnlyManagementKey() {
    JsonNode root = exchange("GET", "/api/v1/api_keys/{key_id}", null, rootKeyId()).json();
    return exchange(
            "POST",
            "/api/v1/api_keys",
            """
            {"name":"reader","api_id":"%s","scope_ids":["read:api_keys"],"org_code":"%s"}
            """
                .formatted(
                    root.at("/api_key/api_ids/0").asText(),
                    root.at("/api_key/organization_id").asText()))
        .text("/api_key/key");
  }

  private static String without(JsonNode body, String field) {
    ObjectNode copy = body.deepCopy();
    copy.remove(field);
    return copy.toString();
  }
}
