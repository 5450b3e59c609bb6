package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authority follows the management key's owner: an organization admin reaches only its
 * organization's keys, a user only their own, and everything else answers as if it did not exist.
 */
class TenancyTest {

  private static final String KEYS = "/api/v1/api_keys";

  private final RestFixture rest = new RestFixture();
  private Api api;
  private RestFixture.Issued orgAKey;
  private RestFixture.Issued orgBKey;
  private String orgBAdmin;

  @BeforeEach
  void setUp() {
    api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.addScope(api, "read:users");
    rest.keygate.createOrganization("org_a");
    rest.keygate.createOrganization("org_b");
    rest.keygate.createUser("kp_alice");
    rest.keygate.createUser("kp_bob");
    for (Owner owner :
        List.of(
            new Owner.Org(new OrgCode("org_a")),
            new Owner.Org(new OrgCode("org_b")),
            new Owner.User(new UserId("kp_alice")),
            new Owner.User(new UserId("kp_bob")))) {
      rest.keygate.grant(owner, api, "read:users");
    }
    orgAKey = rest.createKey(create("org_code", "org_a"));
    orgBKey = rest.createKey(create("org_code", "org_b"));
    orgBAdmin = rest.managementKey("org_code", "org_b").key();
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  private String create(String ownerField, String owner) {
    return "{\"name\":\"key of %s\",\"api_id\":\"%s\",\"scope_ids\":[\"read:users\"],\"%s\":\"%s\"}"
        .formatted(owner, api.id(), ownerField, owner);
  }

  private RestFixture.Answer as(String bearer, String method, String path, String body) {
    return rest.call(method, path, body, bearer);
  }

  private List<String> listedIds(String bearer, String query) {
    RestFixture.Answer listed = as(bearer, "GET", KEYS + query, null);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    listed.json().get("api_keys").forEach(key -> ids.add(key.get("id").asText()));
    return ids;
  }

  private String verifyBody(String bearer, String token) {
    RestFixture.Answer answer =
        as(bearer, "POST", KEYS + "/verify", "{\"api_key\":\"%s\"}".formatted(token));
    assertThat(answer.status()).isEqualTo(200);
    return answer.body();
  }

  @Test
  void orgAdmin_getsNotFoundForAnotherOrgsKeyOnEveryKeyEndpoint_asForAnUnknownId() {
    String unknown = "api_key_" + "0".repeat(32);
    String path = KEYS + "/" + orgAKey.id();
    List<RestFixture.Answer> answers =
        List.of(
            as(orgBAdmin, "GET", path, null),
            as(orgBAdmin, "PUT", path, null),
            as(orgBAdmin, "PUT", path, "{\"previous_key_expires_in_seconds\":60}"),
            as(orgBAdmin, "PATCH", path, "{\"status\":\"inactive\"}"),
            as(orgBAdmin, "PATCH", path, "{\"name\":\"mine now\"}"),
            as(orgBAdmin, "DELETE", path, null));
    String unknownMessage =
        as(orgBAdmin, "GET", KEYS + "/" + unknown, null).text("/errors/message");

    for (RestFixture.Answer answer : answers) {
      assertError(answer, 404, "NOT_FOUND");
      assertThat(answer.text("/errors/message"))
          .isEqualTo(unknownMessage.replace(unknown, orgAKey.id()));
    }
    JsonNode untouched = rest.get(path).json().get("api_key");
    assertThat(untouched.get("status").asText()).isEqualTo("active");
    assertThat(untouched.get("name").asText()).isEqualTo("key of org_a");
    assertThat(untouched.get("key_suffix").asText())
        .isEqualTo(orgAKey.key().substring(orgAKey.key().length() - 4));
  }

  @Test
  void orgAdmin_reachesItsOwnOrgsKeys() {
    String path = KEYS + "/" + orgBKey.id();

    assertThat(as(orgBAdmin, "GET", path, null).status()).isEqualTo(200);
    assertThat(as(orgBAdmin, "PATCH", path, "{\"name\":\"renamed\"}").status()).isEqualTo(200);
    assertThat(as(orgBAdmin, "PUT", path, null).status()).isEqualTo(201);
    assertThat(as(orgBAdmin, "POST", KEYS, create("org_code", "org_b")).status()).isEqualTo(201);
    assertThat(as(orgBAdmin, "DELETE", path, null).status()).isEqualTo(200);
  }

  @Test
  void orgAdmin_cannotCreateKeysForAnotherOrg_answeredAsForAnUnknownOrg() {
    RestFixture.Answer otherOrg = as(orgBAdmin, "POST", KEYS, create("org_code", "org_a"));
    RestFixture.Answer noOrg = as(orgBAdmin, "POST", KEYS, create("org_code", "org_zzz"));
    RestFixture.Answer user = as(orgBAdmin, "POST", KEYS, create("user_id", "kp_alice"));

    assertError(otherOrg, 404, "NOT_FOUND");
    assertThat(otherOrg.body()).isEqualTo(noOrg.body().replace("org_zzz", "org_a"));
    assertError(user, 404, "NOT_FOUND");
    assertThat(listedIds(rest.rootKey, "?org_code=org_a")).containsExactly(orgAKey.id());
    assertThat(listedIds(rest.rootKey, "?user_id=kp_alice")).isEmpty();
  }

  @Test
  void orgAdmin_verifyOfAnotherOrgsKey_answersExactlyLikeAnUnknownKey() {
    String revoked = rest.createKey(create("org_code", "org_a")).id();
    String revokedToken = rest.createKey(create("org_code", "org_a")).key();
    rest.call("DELETE", KEYS + "/" + revoked, null);
    String unknown = verifyBody(orgBAdmin, TestKeygate.unknownToken());

    assertThat(verifyBody(orgBAdmin, orgAKey.key())).isEqualTo(unknown);
    assertThat(verifyBody(orgBAdmin, revokedToken)).isEqualTo(unknown);
    assertThat(unknown).contains("API_KEY_INVALID").doesNotContain(orgAKey.id());
    assertThat(verifyBody(orgBAdmin, orgBKey.key())).contains("API_KEY_VERIFIED");
    assertThat(verifyBody(rest.rootKey, orgAKey.key())).contains("API_KEY_VERIFIED");
  }

  @Test
  void orgAdmin_listsOnlyItsOwnOrgsKeys_whateverTheFilterAsks() {
    String adminId =
        listedIds(rest.rootKey, "?org_code=org_b&api_id=" + rest.managementApiId()).get(0);

    assertThat(listedIds(orgBAdmin, "")).containsExactly(orgBKey.id(), adminId);
    assertThat(listedIds(orgBAdmin, "?org_code=org_a")).isEmpty();
    assertThat(listedIds(orgBAdmin, "?user_id=kp_alice")).isEmpty();
    assertThat(listedIds(orgBAdmin, "?api_id=" + api.id())).containsExactly(orgBKey.id());
    assertThat(listedIds(rest.rootKey, "?api_id=" + api.id()))
        .containsExactly(orgAKey.id(), orgBKey.id());
  }

  @Test
  void orgAdmin_mayReadApisButNotShapeTheDeployment() {
    String scopes = "/api/v1/apis/" + api.id() + "/scopes";

    assertThat(as(orgBAdmin, "GET", "/api/v1/apis", null).status()).isEqualTo(200);
    assertThat(as(orgBAdmin, "GET", "/api/v1/apis/" + api.id(), null).status()).isEqualTo(200);
    assertThat(as(orgBAdmin, "GET", scopes, null).status()).isEqualTo(200);
    for (RestFixture.Answer refused :
        List.of(
            as(orgBAdmin, "POST", "/api/v1/apis", "{\"name\":\"A\",\"audience\":\"a\"}"),
            as(orgBAdmin, "DELETE", "/api/v1/apis/" + api.id(), null),
            as(orgBAdmin, "POST", scopes, "{\"key\":\"write:users\"}"),
            as(orgBAdmin, "POST", "/api/v1/organization", "{\"name\":\"Mine\"}"),
            as(orgBAdmin, "POST", "/api/v1/user", "{\"name\":\"Me\"}"))) {
      assertError(refused, 403, "FORBIDDEN");
      assertThat(refused.text("/errors/0/message")).isEqualTo("only the operator may do this");
    }
    assertThat(rest.get("/api/v1/apis").json().get("apis").size()).isEqualTo(2);
  }

  @Test
  void orgAdmin_listsOnlyItsOwnOrganizationNoUsersAndOnlyItsOwnAuditEvents() {
    JsonNode organizations =
        as(orgBAdmin, "GET", "/api/v1/organizations", null).json().get("organizations");
    JsonNode users = as(orgBAdmin, "GET", "/api/v1/users", null).json().get("users");
    JsonNode events =
        as(orgBAdmin, "GET", "/api/v1/audit_events?page_size=500", null).json().get("audit_events");
    JsonNode orgAEvents =
        as(orgBAdmin, "GET", "/api/v1/audit_events?key_id=" + orgAKey.id(), null)
            .json()
            .get("audit_events");

    assertThat(organizations.size()).isEqualTo(1);
    assertThat(organizations.get(0).get("code").asText()).isEqualTo("org_b");
    assertThat(users.size()).isZero();
    assertThat(events.size()).isPositive();
    events.forEach(
        event ->
            assertThat(event.get("target").asText()).isNotIn(orgAKey.id(), "org_a", "kp_alice"));
    assertThat(orgAEvents.size()).isZero();
    assertThat(rest.get("/api/v1/audit_events?key_id=" + orgAKey.id()).json().get("audit_events"))
        .isNotEmpty();
  }

  @Test
  void userKey_seesOnlyThatUsersKeys() {
    String alice = rest.managementKey("user_id", "kp_alice").key();
    RestFixture.Issued aliceKey = rest.createKey(create("user_id", "kp_alice"));
    RestFixture.Issued bobKey = rest.createKey(create("user_id", "kp_bob"));
    String unknown = verifyBody(alice, TestKeygate.unknownToken());

    assertThat(listedIds(alice, "?api_id=" + api.id())).containsExactly(aliceKey.id());
    assertThat(listedIds(alice, "?user_id=kp_bob")).isEmpty();
    assertThat(listedIds(alice, "?org_code=org_a")).isEmpty();
    assertError(as(alice, "GET", KEYS + "/" + bobKey.id(), null), 404, "NOT_FOUND");
    assertError(as(alice, "GET", KEYS + "/" + orgAKey.id(), null), 404, "NOT_FOUND");
    assertError(as(alice, "DELETE", KEYS + "/" + bobKey.id(), null), 404, "NOT_FOUND");
    assertThat(verifyBody(alice, bobKey.key())).isEqualTo(unknown);
    assertThat(as(alice, "GET", KEYS + "/" + aliceKey.id(), null).status()).isEqualTo(200);
    assertThat(verifyBody(alice, aliceKey.key())).contains("API_KEY_VERIFIED");
    JsonNode users = as(alice, "GET", "/api/v1/users", null).json().get("users");
    assertThat(users.size()).isEqualTo(1);
    assertThat(users.get(0).get("id").asText()).isEqualTo("kp_alice");
    assertThat(as(alice, "GET", "/api/v1/organizations", null).json().get("organizations").size())
        .isZero();
  }
}
