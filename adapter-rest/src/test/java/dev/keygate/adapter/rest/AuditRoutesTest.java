package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static dev.keygate.adapter.rest.JsonShapes.fields;
import static dev.keygate.adapter.rest.JsonShapes.nulls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/audit_events} over real HTTP. */
class AuditRoutesTest {

  private static final String EVENTS = "/api/v1/audit_events";

  private final RestFixture rest = new RestFixture();
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

  private RestFixture.Issued acmeKey() {
    return rest.createKey(
        "{\"name\":\"k\",\"api_id\":\"%s\",\"org_code\":\"org_acme\"}".formatted(api.id()));
  }

  private static List<String> actions(JsonNode events) {
    List<String> found = new ArrayList<>();
    events.forEach(event -> found.add(event.get("action").asText()));
    return found;
  }

  @Test
  void givenKeyId_list_answersThatKeysEventsOldestFirstInTheDocumentedShape() {
    RestFixture.Issued issued = acmeKey();
    rest.call("PATCH", "/api/v1/api_keys/" + issued.id(), "{\"status\":\"inactive\"}");
    rest.call("DELETE", "/api/v1/api_keys/" + issued.id(), null);

    RestFixture.Answer listed = rest.get(EVENTS + "?key_id=" + issued.id());

    assertThat(listed.status()).isEqualTo(200);
    assertThat(nulls(listed.json())).isEmpty();
    assertThat(fields(listed.json()))
        .containsExactlyInAnyOrder("code", "message", "has_more", "audit_events");
    assertThat(listed.text("/code")).isEqualTo("OK");
    assertThat(listed.text("/message")).isEqualTo("Success");
    assertThat(listed.json().get("has_more").asBoolean()).isFalse();
    JsonNode events = listed.json().get("audit_events");
    assertThat(actions(events))
        .containsExactly("api_key_create", "api_key_update", "api_key_revoke");
    JsonNode created = events.get(0);
    assertThat(fields(created))
        .containsExactlyInAnyOrder(
            "id", "occurred_on", "actor", "action", "target", "outcome", "detail");
    assertThat(created.get("id").asText()).matches("audit_[0-9a-f]{32}");
    assertThat(created.get("occurred_on").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(created.get("actor").asText()).startsWith("api_key:api_key_");
    assertThat(created.get("target").asText()).isEqualTo(issued.id());
    assertThat(created.get("outcome").asText()).isEqualTo("succeeded");
    assertThat(created.get("detail").asText()).isEmpty();
  }

  @Test
  void givenRefusedCall_list_answersItAsRefusedWithTheReason() {
    RestFixture.Issued reader =
        rest.managementKey("org_code", "keygate-operator", "read:audit_events");
    rest.call("POST", "/api/v1/apis", "{\"name\":\"A\",\"audience\":\"a\"}", reader.key());

    RestFixture.Answer listed = rest.get(EVENTS + "?page_size=500");

    List<AuditEvent> stored = rest.keygate.auditLog.events();
    JsonNode events = listed.json().get("audit_events");
    JsonNode last = events.get(events.size() - 1);
    assertThat(events.size()).isEqualTo(stored.size());
    assertThat(last.get("action").asText()).isEqualTo("api_register");
    assertThat(last.get("outcome").asText()).isEqualTo("refused");
    assertThat(last.get("detail").asText()).isEqualTo("missing scope create:apis");
    assertThat(last.get("actor").asText()).isEqualTo("api_key:" + reader.id());
  }

  @Test
  void givenPageSize_list_pagesByEventId() {
    RestFixture.Issued issued = acmeKey();
    rest.call("PATCH", "/api/v1/api_keys/" + issued.id(), "{\"name\":\"a\"}");
    rest.call("PATCH", "/api/v1/api_keys/" + issued.id(), "{\"name\":\"b\"}");
    String query = EVENTS + "?key_id=" + issued.id() + "&page_size=2";

    RestFixture.Answer first = rest.get(query);
    String cursor = first.json().get("audit_events").get(1).get("id").asText();
    RestFixture.Answer second = rest.get(query + "&starting_after=" + cursor);

    assertThat(first.json().get("has_more").asBoolean()).isTrue();
    assertThat(actions(first.json().get("audit_events")))
        .containsExactly("api_key_create", "api_key_update");
    assertThat(second.json().get("has_more").asBoolean()).isFalse();
    assertThat(actions(second.json().get("audit_events"))).containsExactly("api_key_update");
  }

  @Test
  void givenMalformedKeyId_list_answers400NamingIt() {
    RestFixture.Answer refused = rest.get(EVENTS + "?key_id=nope");

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(refused.text("/errors/0/message")).contains("key_id");
  }

  @Test
  void filters_byActionActorOrganizationAndTime_newestFirst_pageInThatOrder() {
    rest.keygate.createOrganization("org_other");
    RestFixture.Issued first = acmeKey();
    rest.keygate.clock.advance(java.time.Duration.ofMinutes(1));
    RestFixture.Issued second = acmeKey();
    rest.call("DELETE", "/api/v1/api_keys/" + first.id(), null);
    rest.keygate.clock.advance(java.time.Duration.ofMinutes(1));
    rest.createKey(
        "{\"name\":\"o\",\"api_id\":\"%s\",\"org_code\":\"org_other\"}".formatted(api.id()));
    String actor = rest.get(EVENTS + "?key_id=" + first.id()).text("/audit_events/0/actor");

    JsonNode acmeCreated =
        rest.get(EVENTS + "?org_code=org_acme&action=api_key_create&actor=" + actor)
            .json()
            .get("audit_events");
    assertThat(targets(acmeCreated)).containsExactly(first.id(), second.id());
    JsonNode newest =
        rest.get(EVENTS + "?org_code=org_acme&order=newest&page_size=2").json().get("audit_events");
    assertThat(actions(newest)).containsExactly("api_key_revoke", "api_key_create");
    assertThat(targets(newest)).containsExactly(first.id(), second.id());
    JsonNode older =
        rest.get(
                EVENTS
                    + "?org_code=org_acme&order=newest&page_size=2&starting_after="
                    + newest.get(1).get("id").asText())
            .json()
            .get("audit_events");
    // Then the organization's own creation, which is in its trail too.
    assertThat(targets(older)).containsExactly(first.id(), "org_acme");
    JsonNode lastMinute =
        rest.get(EVENTS + "?since=2026-01-01T00:01:00Z&until=2026-01-01T00:02:00Z")
            .json()
            .get("audit_events");
    assertThat(targets(lastMinute)).containsExactly(second.id(), first.id());
    assertThat(
            rest.get(EVENTS + "?action=api_key_create&org_code=org_other")
                .json()
                .get("audit_events"))
        .hasSize(1);
  }

  @Test
  void badFilters_answer400NamingTheParameter() {
    for (String bad :
        List.of(
            "since=yesterday",
            "until=2026-13-01",
            "order=sideways",
            "action=api_key.created",
            "org_code=org_a&user_id=kp_alice",
            "since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z")) {
      RestFixture.Answer refused = rest.get(EVENTS + "?" + bad);

      assertError(refused, 400, "INVALID_REQUEST");
      String named = bad.substring(0, bad.indexOf('='));
      assertThat(refused.text("/errors/0/message")).as(bad).contains(named);
    }
  }

  @Test
  void aConfinedCaller_readsOnlyItsOwnTrail_whateverItsFiltersAsk() {
    rest.keygate.createOrganization("org_other");
    RestFixture.Issued acme = acmeKey();
    RestFixture.Issued other =
        rest.createKey(
            "{\"name\":\"o\",\"api_id\":\"%s\",\"org_code\":\"org_other\"}".formatted(api.id()));
    RestFixture.Issued admin = rest.managementKey("org_code", "org_acme", "read:audit_events");

    for (String query :
        List.of(
            "",
            "?action=api_key_create",
            "?order=newest",
            "?actor=api_key:" + admin.id(),
            "?since=2026-01-01T00:00:00Z")) {
      RestFixture.Answer listed = rest.call("GET", EVENTS + query, null, admin.key());
      assertThat(listed.status()).as(listed.body()).isEqualTo(200);
      assertThat(listed.body()).as(query).doesNotContain(other.id());
    }
    assertThat(
            targets(
                rest.call("GET", EVENTS + "?action=api_key_create", null, admin.key())
                    .json()
                    .get("audit_events")))
        .contains(acme.id());
    RestFixture.Answer elsewhere =
        rest.call("GET", EVENTS + "?org_code=org_other", null, admin.key());
    assertThat(elsewhere.status()).isEqualTo(200);
    assertThat(elsewhere.json().get("audit_events")).isEmpty();
  }

  private static List<String> targets(JsonNode events) {
    List<String> found = new ArrayList<>();
    events.forEach(event -> found.add(event.get("target").asText()));
    return found;
  }
}
