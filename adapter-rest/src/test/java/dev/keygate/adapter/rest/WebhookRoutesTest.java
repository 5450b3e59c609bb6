package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static dev.keygate.adapter.rest.JsonShapes.errorMessage;
import static dev.keygate.adapter.rest.JsonShapes.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.WebhookId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/webhooks} over real HTTP: Kinde's answers exactly as its specification declares
 * them, Keygate's richer ones with the opt-in (the signing secret once, at creation), the routes
 * Keygate adds, the bad inputs each refuses naming the problem, and who may do what.
 */
class WebhookRoutesTest {

  private static final String WEBHOOKS = "/api/v1/webhooks";
  private static final String HOOK =
      "{\"endpoint\":\"https://hooks.example.com/keygate\",\"event_types\":[\"api_key.revoked\","
          + "\"api_key.created\"],\"name\":\"SOC\",\"description\":\"tells the SOC\"}";

  private final RestFixture rest = new RestFixture();
  private Api api;

  @BeforeEach
  void setUp() {
    api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.createOrganization("org_a");
    rest.keygate.createOrganization("org_b");
    rest.keygate.createUser("kp_u");
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  private static void assertAnswer(RestFixture.Answer answer, int status, DeclaredShape shape) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    shape.assertDeclares(answer.json());
  }

  private String create(String body) {
    RestFixture.Answer created = rest.post(WEBHOOKS, body);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.text("/webhook/id");
  }

  @Test
  void kindesOperations_answerExactlyKindesFields_andNeverTheSecret() {
    RestFixture.Answer created = rest.post(WEBHOOKS, HOOK);
    assertAnswer(created, 200, KindeSpec.CREATE_WEBHOOK_RESPONSE);
    assertThat(created.text("/code")).isEqualTo("WEBHOOK_CREATED");
    assertThat(created.text("/message")).isEqualTo("Webhook created");
    assertThat(fields(created.json().get("webhook"))).containsExactly("endpoint", "id");
    assertThat(created.text("/webhook/endpoint")).isEqualTo("https://hooks.example.com/keygate");
    String id = created.text("/webhook/id");
    assertThat(id).matches("webhook_[0-9a-f]{32}");
    assertThat(created.body()).doesNotContain("whsec_");

    RestFixture.Answer listed = rest.get(WEBHOOKS);
    assertAnswer(listed, 200, KindeSpec.GET_WEBHOOKS_RESPONSE);
    JsonNode webhook = listed.json().get("webhooks").get(0);
    assertThat(fields(webhook))
        .containsExactlyInAnyOrder(
            "id", "name", "endpoint", "description", "event_types", "created_on");
    assertThat(webhook.get("event_types"))
        .extracting(JsonNode::asText)
        .containsExactly("api_key.created", "api_key.revoked");
    assertThat(webhook.get("created_on").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(listed.response().headers().firstValue("Vary")).hasValue(RestFixture.EXTENSIONS);

    RestFixture.Answer updated = rest.call("PATCH", WEBHOOKS + "/" + id, "{\"name\":\"Renamed\"}");
    assertAnswer(updated, 200, KindeSpec.UPDATE_WEBHOOK_RESPONSE);
    assertThat(updated.json().toString())
        .isEqualTo(
            "{\"message\":\"Webhook updated\",\"code\":\"WEBHOOK_UPDATED\",\"webhook\":{\"id\":\""
                + id
                + "\"}}");

    RestFixture.Answer deleted = rest.call("DELETE", WEBHOOKS + "/" + id, null);
    assertAnswer(deleted, 200, KindeSpec.DELETE_WEBHOOK_RESPONSE);
    assertThat(deleted.json().toString())
        .isEqualTo("{\"code\":\"WEBHOOK_DELETED\",\"message\":\"Webhook deleted\"}");
    RestFixture.Answer gone = rest.get(WEBHOOKS + "/" + id);
    assertAnswer(gone, 404, KindeSpec.NOT_FOUND_RESPONSE);
    assertThat(rest.get(WEBHOOKS).json().get("webhooks")).isEmpty();
  }

  @Test
  void withTheOptIn_creationShowsTheSigningSecretOnce_andEveryAnswerTheOrganization() {
    RestFixture.Answer created =
        rest.extended(
            "POST",
            WEBHOOKS,
            "{\"endpoint\":\"https://a.example.com/h\",\"event_types\":[\"api_key.leaked\"],"
                + "\"org_code\":\"org_a\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonNode webhook = created.json().get("webhook");
    assertThat(fields(webhook))
        .containsExactlyInAnyOrder(
            "id", "endpoint", "signing_secret", "name", "event_types", "org_code", "created_on");
    String secret = webhook.get("signing_secret").asText();
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
    // No name given: the endpoint's host.
    assertThat(webhook.get("name").asText()).isEqualTo("a.example.com");
    assertThat(webhook.get("org_code").asText()).isEqualTo("org_a");
    String id = webhook.get("id").asText();
    String deploymentWide = create(HOOK);

    RestFixture.Answer listed = rest.getExtended(WEBHOOKS);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).doesNotContain(secret, "signing_secret");
    assertThat(listed.text("/webhooks/0/id")).isEqualTo(id);
    assertThat(listed.text("/webhooks/0/org_code")).isEqualTo("org_a");
    assertThat(listed.text("/webhooks/1/id")).isEqualTo(deploymentWide);
    assertThat(fields(listed.json().at("/webhooks/1"))).doesNotContain("org_code");

    RestFixture.Answer one = rest.get(WEBHOOKS + "/" + id);
    assertThat(one.json().at("/webhook/org_code").asText()).isEqualTo("org_a");
    assertThat(one.body()).doesNotContain(secret);
    // The secret shown is the one the deliveries are signed with (the fake stores it plainly).
    assertThat(rest.keygate.webhooks.storedSecret(new WebhookId(id)).orElseThrow())
        .isEqualTo("plain:" + secret.substring("whsec_".length()));

    RestFixture.Answer rotated = rest.post(WEBHOOKS + "/" + id + "/rotate_secret", null);
    assertThat(rotated.status()).isEqualTo(200);
    assertThat(fields(rotated.json()))
        .containsExactlyInAnyOrder("code", "message", "signing_secret");
    assertThat(rotated.text("/message")).isEqualTo("Signing secret rotated");
    assertThat(rotated.text("/signing_secret")).startsWith("whsec_").isNotEqualTo(secret);
  }

  @Test
  void aBadOptIn_isRefusedBeforeTheWebhookIsMade() {
    RestFixture.Answer refused =
        rest.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.base() + WEBHOOKS))
                .header("Authorization", "Bearer " + rest.rootKey)
                .header("Content-Type", "application/json")
                .header(RestFixture.EXTENSIONS, "yes")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(HOOK))
                .build());
    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(rest.keygate.webhooks.list(Optional.empty())).isEmpty();
  }

  @Test
  void patch_changesWhatItGives_andNullRemovesTheDescription() {
    String id = create(HOOK);
    rest.call(
        "PATCH",
        WEBHOOKS + "/" + id,
        "{\"event_types\":[\"api_key.expiring\"],\"description\":null}");
    JsonNode webhook = rest.get(WEBHOOKS + "/" + id).json().get("webhook");
    assertThat(webhook.get("event_types"))
        .extracting(JsonNode::asText)
        .containsExactly("api_key.expiring");
    assertThat(webhook.has("description")).isFalse();
    assertThat(webhook.get("name").asText()).isEqualTo("SOC");
    assertThat(webhook.get("endpoint").asText()).isEqualTo("https://hooks.example.com/keygate");

    assertBadRequest(
        rest.call("PATCH", WEBHOOKS + "/" + id, "{}"),
        "give at least one of event_types, name and description");
    assertBadRequest(
        rest.call("PATCH", WEBHOOKS + "/" + id, "{\"endpoint\":\"https://x.example.com\"}"),
        "unknown field endpoint");
  }

  @Test
  void badBodies_answer400_namingTheProblem_withoutRepeatingIt() {
    String guess = "api_key.revoked_" + "x".repeat(200);
    assertBadRequest(
        rest.post(
            WEBHOOKS,
            "{\"endpoint\":\"https://h.example.com\",\"event_types\":[\"api_key.created\",\""
                + guess
                + "\"]}"),
        "event_types[1] must be one of api_key.created, api_key.rotated, api_key.revoked,"
            + " api_key.disabled, api_key.enabled, api_key.expiring, api_key.expired,"
            + " api_key.leaked");
    assertBadRequest(
        rest.post(WEBHOOKS, "{\"endpoint\":\"https://h.example.com\",\"event_types\":[]}"),
        "event_types must name at least one event type");
    assertBadRequest(
        rest.post(WEBHOOKS, "{\"endpoint\":\"https://h.example.com\",\"event_types\":[null]}"),
        "event_types[0] must not be null");
    assertBadRequest(
        rest.post(WEBHOOKS, "{\"event_types\":[\"api_key.created\"]}"), "endpoint is required");
    assertBadRequest(
        rest.post(WEBHOOKS, "{\"endpoint\":\"https://h.example.com\"}"), "event_types is required");
    assertBadRequest(
        rest.post(
            WEBHOOKS,
            "{\"endpoint\":\"ftp://h.example.com\",\"event_types\":[\"api_key.created\"]}"),
        "webhook endpoint must be an http or https URL");
    assertBadRequest(
        rest.post(
            WEBHOOKS,
            "{\"endpoint\":\"https://h.example.com\",\"event_types\":[\"api_key.created\"],"
                + "\"secret\":\"s\"}"),
        "unknown field secret");
    for (String path :
        List.of(
            WEBHOOKS + "/webhook_nope",
            WEBHOOKS + "/WEBHOOK_" + "0".repeat(32),
            WEBHOOKS + "/webhook_" + "0".repeat(32))) {
      assertError(rest.get(path), 404, "NOT_FOUND");
    }
    String id = create(HOOK);
    assertError(
        rest.post(WEBHOOKS + "/" + id + "/deliveries/msg_nope/redeliver", null), 404, "NOT_FOUND");
    assertError(
        rest.post(WEBHOOKS + "/" + id + "/deliveries/msg_" + "0".repeat(32) + "/redeliver", null),
        404,
        "NOT_FOUND");
    assertBadRequest(
        rest.get(WEBHOOKS + "/" + id + "/deliveries?page_size=0"),
        "page_size must be a whole number from 1 to 500");
    assertBadRequest(rest.get(WEBHOOKS + "?org_code=org_a"), "unknown query parameter org_code");
    assertThat(rest.keygate.webhooks.list(Optional.empty())).hasSize(1);
  }

  @Test
  void deliveries_logEachEventNewestFirst_andARedeliveryIsScheduled() {
    String id = create(HOOK);
    RestFixture.Issued first =
        rest.createKey(
            "{\"name\":\"one\",\"api_id\":\"%s\",\"org_code\":\"org_a\"}".formatted(api.id()));
    rest.call("DELETE", "/api/v1/api_keys/" + first.id(), null);

    RestFixture.Answer log = rest.get(WEBHOOKS + "/" + id + "/deliveries");
    assertThat(log.status()).as(log.body()).isEqualTo(200);
    JsonNode deliveries = log.json().get("deliveries");
    assertThat(deliveries).hasSize(2);
    assertThat(log.json().get("has_more").asBoolean()).isFalse();
    assertThat(deliveries.get(0).get("event_type").asText()).isEqualTo("api_key.revoked");
    assertThat(deliveries.get(1).get("event_type").asText()).isEqualTo("api_key.created");
    JsonNode created = deliveries.get(1);
    assertThat(created.get("api_key_id").asText()).isEqualTo(first.id());
    assertThat(created.get("status").asText()).isEqualTo("pending");
    assertThat(created.get("attempts").asInt()).isZero();
    assertThat(created.get("id").asText()).matches("msg_[0-9a-f]{32}");
    assertThat(created.get("event_id").asText()).matches("event_[0-9a-f]{32}");

    RestFixture.Answer page = rest.get(WEBHOOKS + "/" + id + "/deliveries?page_size=1");
    assertThat(page.json().get("deliveries")).hasSize(1);
    assertThat(page.json().get("has_more").asBoolean()).isTrue();
    RestFixture.Answer next =
        rest.get(
            WEBHOOKS
                + "/"
                + id
                + "/deliveries?page_size=1&starting_after="
                + page.text("/deliveries/0/id"));
    assertThat(next.text("/deliveries/0/id")).isEqualTo(created.get("id").asText());

    String deliveryId = created.get("id").asText();
    rest.keygate.outbox.attemptFailed(
        new DeliveryId(deliveryId),
        rest.keygate.clock.instant(),
        Optional.of(503),
        "HTTP 503",
        Optional.empty());
    RestFixture.Answer failed = rest.get(WEBHOOKS + "/" + id + "/deliveries");
    assertThat(failed.text("/deliveries/1/status")).isEqualTo("failed");
    assertThat(failed.text("/deliveries/1/last_status_code")).isEqualTo("503");
    assertThat(failed.text("/deliveries/1/last_error")).isEqualTo("HTTP 503");

    RestFixture.Answer redelivered =
        rest.post(WEBHOOKS + "/" + id + "/deliveries/" + deliveryId + "/redeliver", null);
    assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(202);
    assertThat(redelivered.text("/message")).isEqualTo("Redelivery scheduled");
    assertThat(redelivered.text("/delivery/id")).isEqualTo(deliveryId);
    assertThat(redelivered.text("/delivery/status")).isEqualTo("pending");
    assertThat(redelivered.text("/delivery/next_attempt_on")).isEqualTo("2026-01-01T00:00:00Z");

    // A delivery of another webhook is not found under this one.
    String other = create(HOOK);
    assertError(
        rest.post(WEBHOOKS + "/" + other + "/deliveries/" + deliveryId + "/redeliver", null),
        404,
        "NOT_FOUND");
  }

  @Test
  void eachKindOfCaller_reachesWhatTheSpecSays() {
    String operatorsOwn = create(HOOK);
    String adminA = rest.managementKey("org_code", "org_a").key();
    String adminB = rest.managementKey("org_code", "org_b").key();
    String userU = rest.managementKey("user_id", "kp_u").key();
    String readOnlyA =
        rest.managementKey("org_code", "org_a", ManagementScope.READ_WEBHOOKS.key()).key();
    String https =
        "{\"endpoint\":\"https://a.example.com/h\",\"event_types\":[\"api_key.revoked\"]}";

    // An organization's admin: its own organization, whether it says so or not.
    RestFixture.Answer own = rest.extended("POST", WEBHOOKS, https, adminA);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.text("/webhook/org_code")).isEqualTo("org_a");
    String hookA = own.text("/webhook/id");
    RestFixture.Answer forB =
        rest.call(
            "POST",
            WEBHOOKS,
            "{\"endpoint\":\"https://a.example.com/h\",\"event_types\":[\"api_key.revoked\"],"
                + "\"org_code\":\"org_b\"}",
            adminA);
    assertError(forB, 403, "FORBIDDEN");
    // An endpoint inside the network is the operator's to name, not a tenant's.
    for (String endpoint :
        List.of(
            "http://a.example.com/h",
            "https://127.0.0.1/h",
            "https://10.0.0.8/h",
            "https://[::1]/h",
            "https://localhost/h",
            "https://169.254.169.254/latest")) {
      RestFixture.Answer internal =
          rest.call(
              "POST",
              WEBHOOKS,
              "{\"endpoint\":\"" + endpoint + "\",\"event_types\":[\"api_key.revoked\"]}",
              adminA);
      assertThat(internal.status()).as(endpoint + ": " + internal.body()).isEqualTo(400);
    }
    assertThat(
            rest.post(
                    WEBHOOKS,
                    "{\"endpoint\":\"http://127.0.0.1:9/h\",\"event_types\":[\"api_key.revoked\"]}")
                .status())
        .isEqualTo(200);

    assertThat(ids(rest.call("GET", WEBHOOKS, null, adminA))).containsExactly(hookA);
    assertThat(ids(rest.call("GET", WEBHOOKS, null, adminB))).isEmpty();
    assertThat(ids(rest.get(WEBHOOKS))).contains(operatorsOwn, hookA);

    // Another organization's admin finds A's webhook as it finds none; the operator's too.
    for (String hook : List.of(hookA, operatorsOwn)) {
      for (String[] call :
          List.of(
              new String[] {"GET", WEBHOOKS + "/" + hook, null},
              new String[] {"PATCH", WEBHOOKS + "/" + hook, "{\"name\":\"x\"}"},
              new String[] {"DELETE", WEBHOOKS + "/" + hook, null},
              new String[] {"POST", WEBHOOKS + "/" + hook + "/rotate_secret", null},
              new String[] {"GET", WEBHOOKS + "/" + hook + "/deliveries", null})) {
        RestFixture.Answer answer = rest.call(call[0], call[1], call[2], adminB);
        assertError(answer, 404, "NOT_FOUND");
        assertThat(answer.body())
            .isEqualTo(
                rest.call(
                        call[0],
                        call[1].replace(hook, "webhook_" + "0".repeat(32)),
                        call[2],
                        adminB)
                    .body()
                    .replace("webhook_" + "0".repeat(32), hook));
      }
    }
    assertThat(rest.call("GET", WEBHOOKS + "/" + hookA, null, adminA).status()).isEqualTo(200);

    // A user's key: no webhook route at all.
    for (String[] call :
        List.of(
            new String[] {"GET", WEBHOOKS, null},
            new String[] {"POST", WEBHOOKS, https},
            new String[] {"GET", WEBHOOKS + "/" + hookA, null},
            new String[] {"POST", WEBHOOKS + "/" + hookA + "/rotate_secret", null})) {
      RestFixture.Answer answer = rest.call(call[0], call[1], call[2], userU);
      assertError(answer, 403, "FORBIDDEN");
      assertThat(errorMessage(answer.body())).isEqualTo("a user's key cannot manage webhooks");
    }

    // A key without the scope a route needs.
    assertThat(rest.call("GET", WEBHOOKS + "/" + hookA, null, readOnlyA).status()).isEqualTo(200);
    for (String[] call :
        List.of(
            new String[] {"POST", WEBHOOKS, https, "create:webhooks"},
            new String[] {"PATCH", WEBHOOKS + "/" + hookA, "{\"name\":\"x\"}", "update:webhooks"},
            new String[] {
              "POST", WEBHOOKS + "/" + hookA + "/rotate_secret", null, "update:webhooks"
            },
            new String[] {"DELETE", WEBHOOKS + "/" + hookA, null, "delete:webhooks"})) {
      RestFixture.Answer answer = rest.call(call[0], call[1], call[2], readOnlyA);
      assertError(answer, 403, "FORBIDDEN");
      assertThat(errorMessage(answer.body())).startsWith("missing scope").contains(call[3]);
    }
    assertThat(rest.call("DELETE", WEBHOOKS + "/" + hookA, null, adminA).status()).isEqualTo(200);
    assertThat(rest.keygate.webhooks.list(Optional.empty()))
        .extracting(webhook -> webhook.id().value())
        .doesNotContain(hookA)
        .contains(operatorsOwn);
  }

  private static Set<String> ids(RestFixture.Answer listed) {
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    return Set.copyOf(listed.json().get("webhooks").findValuesAsText("id"));
  }

  private static void assertBadRequest(RestFixture.Answer answer, String message) {
    assertError(answer, 400, "INVALID_REQUEST");
    assertThat(errorMessage(answer.body())).isEqualTo(message);
  }
}
