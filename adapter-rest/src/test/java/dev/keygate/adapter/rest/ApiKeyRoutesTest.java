package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static dev.keygate.adapter.rest.JsonShapes.fields;
import static dev.keygate.adapter.rest.JsonShapes.nulls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.wire.WireJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/api_keys} over real HTTP: Kinde's shapes, status codes and the extensions. */
class ApiKeyRoutesTest {

  private static final String KEYS = "/api/v1/api_keys";
  private static final String VERIFY = KEYS + "/verify";

  private final RestFixture rest = new RestFixture();
  private Api api;
  private Scope readUsers;

  @BeforeEach
  void setUp() {
    api = rest.keygate.registerApi("https://users.example.com");
    readUsers = rest.keygate.addScope(api, "read:users");
    rest.keygate.addScope(api, "write:users");
    rest.keygate.createOrganization("org_acme");
    rest.keygate.createOrganization("org_other");
    rest.keygate.createUser("kp_alice");
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  private RestFixture.Issued orgKey(String orgCode, String... scopes) {
    return rest.createKey(
        WireJson.write(
            java.util.Map.of(
                "name",
                "key of " + orgCode,
                "api_id",
                api.id().value(),
                "scope_ids",
                List.of(scopes),
                "org_code",
                orgCode)));
  }

  private RestFixture.Answer verify(String token) {
    return rest.post(VERIFY, WireJson.write(java.util.Map.of("api_key", token)));
  }

  private List<String> listedIds(String query) {
    RestFixture.Answer listed = rest.get(KEYS + query);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    return StreamSupport.stream(listed.json().get("api_keys").spliterator(), false)
        .map(key -> key.get("id").asText())
        .toList();
  }

  @Test
  void kindesCreateRequest_answers201WithTheKeyOnce() {
    RestFixture.Answer created =
        rest.call(
            "POST",
            KEYS,
            """
            {"name":"Production Integration","api_id":"%s",
             "scope_ids":["read:users","write:users"],"org_code":"org_acme"}
            """
                .formatted(api.id()));

    assertThat(created.status()).isEqualTo(201);
    assertThat(fields(created.json())).containsExactly("api_key", "code", "message");
    assertThat(created.text("/code")).isEqualTo("API_KEY_CREATED");
    assertThat(created.text("/message")).isEqualTo("API key created");
    assertThat(fields(created.json().get("api_key"))).containsExactly("id", "key");
    assertThat(created.text("/api_key/id")).matches("api_key_[0-9a-f]{32}");
    String token = created.text("/api_key/key");
    assertThat(token).startsWith("k_live_");
    RestFixture.Answer read = rest.getExtended(KEYS + "/" + created.text("/api_key/id"));
    assertThat(read.body()).doesNotContain(token).doesNotContain(TestKeygate.secretOf(token));
    assertThat(read.text("/api_key/scopes/0")).isEqualTo("read:users");
    assertThat(read.text("/api_key/scopes/1")).isEqualTo("write:users");
    assertThat(read.text("/api_key/org_code")).isEqualTo("org_acme");
    assertThat(read.text("/api_key/type")).isEqualTo("organization");
  }

  @Test
  void givenUserIdAndKindesType_create_issuesAUserKey() {
    RestFixture.Answer created =
        rest.post(
            KEYS,
            """
            {"name":"Alice's CLI","api_id":"%s","scope_ids":["%s"],
             "user_id":"kp_alice","type":"user"}
            """
                .formatted(api.id(), readUsers.id()));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode key = rest.get(KEYS + "/" + created.text("/api_key/id")).json().get("api_key");
    assertThat(key.get("type").asText()).isEqualTo("user");
    assertThat(key.get("user_id").asText()).isEqualTo("kp_alice");
    assertThat(key.has("org_code")).isFalse();
    assertThat(key.get("scopes").toString()).isEqualTo("[\"read:users\"]");
  }

  @Test
  void givenTypeThatDisagreesWithTheOwner_create_answers400NamingType() {
    RestFixture.Answer refused =
        rest.post(
            KEYS,
            """
            {"name":"k","api_id":"%s","org_code":"org_acme","type":"user"}
            """
                .formatted(api.id()));

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(refused.text("/errors/0/message")).contains("type");
  }

  @Test
  void givenBothOrNeitherOwner_create_answers400() {
    assertError(
        rest.post(
            KEYS,
            """
            {"name":"k","api_id":"%s","org_code":"org_acme","user_id":"kp_alice"}
            """
                .formatted(api.id())),
        400,
        "INVALID_REQUEST");
    RestFixture.Answer neither =
        rest.post(KEYS, "{\"name\":\"k\",\"api_id\":\"%s\"}".formatted(api.id()));
    assertError(neither, 400, "INVALID_REQUEST");
    assertThat(neither.text("/errors/0/message")).contains("org_code").contains("user_id");
  }

  private RestFixture.Answer createEnvironmentKey(String extraField, String bearer) {
    return rest.call(
        "POST",
        KEYS,
        """
        {"name":"Nightly sync","api_id":"%s","scope_ids":["read:users"],"type":"environment"%s}
        """
            .formatted(api.id(), extraField),
        bearer);
  }

  @Test
  void givenTypeEnvironment_create_issuesAKeyOfTheDeploymentWithNoOwnerFields() {
    RestFixture.Answer created = createEnvironmentKey("", rest.rootKey);

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode key = rest.getExtended(KEYS + "/" + created.text("/api_key/id")).json().get("api_key");
    assertThat(key.get("type").asText()).isEqualTo("environment");
    assertThat(fields(key)).doesNotContain("org_code", "organization_id", "user_id");
  }

  @Test
  void givenTypeEnvironmentWithAnOwner_create_answers400NamingTheField() {
    RestFixture.Answer withOrg = createEnvironmentKey(",\"org_code\":\"org_acme\"", rest.rootKey);
    assertError(withOrg, 400, "INVALID_REQUEST");
    assertThat(withOrg.text("/errors/0/message"))
        .isEqualTo(
            "org_code must be left out for type environment: an environment key belongs to the"
                + " deployment, not to an organization or a user");

    RestFixture.Answer withUser = createEnvironmentKey(",\"user_id\":\"kp_alice\"", rest.rootKey);
    assertError(withUser, 400, "INVALID_REQUEST");
    assertThat(withUser.text("/errors/0/message")).startsWith("user_id must be left out");
    assertThat(listedIds("?key_type=environment")).isEmpty();
  }

  @Test
  void givenTypeEnvironmentForTheManagementApi_create_answers400SayingWhy() {
    RestFixture.Answer refused =
        rest.post(
            KEYS,
            """
            {"name":"env admin","api_id":"%s","scope_ids":["read:api_keys"],"type":"environment"}
            """
                .formatted(rest.managementApiId()));

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(refused.text("/errors/0/message"))
        .isEqualTo(
            "management keys belong to the operator organization, an organization or a user;"
                + " an environment key cannot be one");
  }

  @Test
  void anOrgAdmin_isRefusedAnEnvironmentKey403_andFindsExistingOnesAsUnknownKeys() {
    String environmentKey = createEnvironmentKey("", rest.rootKey).text("/api_key/id");
    String admin = rest.managementKey("org_code", "org_acme").key();

    RestFixture.Answer refused = createEnvironmentKey("", admin);
    assertError(refused, 403, "FORBIDDEN");
    assertThat(refused.text("/errors/0/message"))
        .isEqualTo(
            "environment keys belong to the whole deployment; only a caller with deployment-wide"
                + " authority may create one");

    String unknown = "api_key_0195ac80a14e8d71f42b98e75d3c61ad";
    for (String method : List.of("GET", "PUT", "DELETE")) {
      RestFixture.Answer hidden = rest.call(method, KEYS + "/" + environmentKey, null, admin);
      RestFixture.Answer missing = rest.call(method, KEYS + "/" + unknown, null, admin);
      assertThat(hidden.status()).as(method).isEqualTo(404);
      assertThat(hidden.text("/errors/code")).isEqualTo(missing.text("/errors/code"));
      assertThat(hidden.text("/errors/message"))
          .isEqualTo(missing.text("/errors/message").replace(unknown, environmentKey));
    }
    RestFixture.Answer listed = rest.call("GET", KEYS + "?key_type=environment", null, admin);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().get("api_keys")).isEmpty();
    assertThat(listedIds("?key_type=environment")).containsExactly(environmentKey);
  }

  @Test
  void givenExpiresOn_create_storesItAndGetShowsIt() {
    RestFixture.Answer created =
        rest.post(
            KEYS,
            """
            {"name":"k","api_id":"%s","org_code":"org_acme","expires_on":"2026-06-01T00:00:00Z"}
            """
                .formatted(api.id()));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(
            rest.getExtended(KEYS + "/" + created.text("/api_key/id")).text("/api_key/expires_on"))
        .isEqualTo("2026-06-01T00:00:00Z");
  }

  @Test
  void givenTheOptIn_get_answersEveryRichFieldAndNoNull() {
    RestFixture.Issued issued = orgKey("org_acme", "write:users", "read:users");

    RestFixture.Answer read = rest.getExtended(KEYS + "/" + issued.id());

    assertThat(read.status()).isEqualTo(200);
    assertThat(nulls(read.json())).isEmpty();
    assertThat(fields(read.json())).containsExactly("api_key", "code", "message");
    assertThat(read.text("/code")).isEqualTo("OK");
    assertThat(read.text("/message")).isEqualTo("Success");
    JsonNode key = read.json().get("api_key");
    // Never verified, no expiry, not revoked, an organization's: those fields are left out.
    assertThat(fields(key))
        .containsExactlyInAnyOrder(
            "id",
            "name",
            "type",
            "status",
            "key_prefix",
            "key_suffix",
            "created_on",
            "created_by",
            "api_ids",
            "scopes",
            "verification_count",
            "org_code",
            "organization_id",
            "owner_name",
            "rate_limits",
            "ip_allowlist",
            "owner_rate_limits");
    assertThat(key.get("rate_limits")).isEmpty();
    assertThat(key.get("ip_allowlist")).isEmpty();
    assertThat(key.get("owner_rate_limits")).isEmpty();
    assertThat(key.get("organization_id").asText()).isEqualTo("org_acme");
    assertThat(key.get("id").asText()).isEqualTo(issued.id());
    assertThat(key.get("name").asText()).isEqualTo("key of org_acme");
    assertThat(key.get("status").asText()).isEqualTo("active");
    assertThat(key.get("key_prefix").asText())
        .isEqualTo(issued.key().substring(0, "k_live_".length() + 6));
    assertThat(key.get("key_suffix").asText())
        .isEqualTo(issued.key().substring(issued.key().length() - 4));
    assertThat(key.get("created_on").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(key.get("created_by").asText()).startsWith("api_key:api_key_");
    assertThat(key.get("api_ids").toString()).isEqualTo("[\"" + api.id() + "\"]");
    assertThat(key.get("scopes").toString()).isEqualTo("[\"read:users\",\"write:users\"]");
    assertThat(key.get("verification_count").isIntegralNumber()).isTrue();
    assertThat(key.get("verification_count").asLong()).isZero();
  }

  @Test
  void list_answersKindesSummariesWithHasMoreAndNoNull() {
    RestFixture.Issued issued = orgKey("org_acme", "read:users");

    RestFixture.Answer listed = rest.get(KEYS + "?api_id=" + api.id());

    assertThat(listed.status()).isEqualTo(200);
    assertThat(nulls(listed.json())).isEmpty();
    assertThat(fields(listed.json()))
        .containsExactlyInAnyOrder("code", "message", "has_more", "api_keys");
    assertThat(listed.text("/code")).isEqualTo("OK");
    assertThat(listed.json().get("has_more").isBoolean()).isTrue();
    assertThat(listed.json().get("has_more").asBoolean()).isFalse();
    assertThat(listed.json().get("api_keys").size()).isEqualTo(1);
    JsonNode key = listed.json().get("api_keys").get(0);
    assertThat(key.get("id").asText()).isEqualTo(issued.id());
    assertThat(fields(key))
        .containsExactlyInAnyOrder(
            "id",
            "name",
            "type",
            "status",
            "key_prefix",
            "key_suffix",
            "created_on",
            "created_by",
            "api_ids",
            "scopes");
  }

  @Test
  void givenFilters_list_answersOnlyTheKeysThatPass() {
    String acme = orgKey("org_acme", "read:users").id();
    String other = orgKey("org_other").id();
    String alice =
        rest.createKey(
                """
                {"name":"a","api_id":"%s","user_id":"kp_alice"}
                """
                    .formatted(api.id()))
            .id();
    rest.call("DELETE", KEYS + "/" + other, null);
    String root = listedIds("?key_type=organization&org_code=keygate-operator").get(0);

    assertThat(listedIds("?api_id=" + api.id())).containsExactly(acme, other, alice);
    assertThat(listedIds("?key_type=user")).containsExactly(alice);
    assertThat(listedIds("?key_type=organization")).containsExactly(root, acme, other);
    assertThat(listedIds("?status=revoked")).containsExactly(other);
    assertThat(listedIds("?status=active&api_id=" + api.id())).containsExactly(acme, alice);
    assertThat(listedIds("?user_id=kp_alice")).containsExactly(alice);
    assertThat(listedIds("?org_code=org_acme")).containsExactly(acme);
    assertThat(listedIds("?api_id=" + rest.managementApiId())).containsExactly(root);
  }

  @Test
  void givenPageSize_list_pagesByKeysetWithHasMore() {
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      issued.add(orgKey("org_acme").id());
    }
    String query = "?org_code=org_acme&page_size=2";

    RestFixture.Answer first = rest.get(KEYS + query);
    List<String> firstIds = listedIds(query);
    List<String> second = listedIds(query + "&starting_after=" + firstIds.get(1));
    RestFixture.Answer last = rest.get(KEYS + query + "&starting_after=" + second.get(1));

    assertThat(first.json().get("has_more").asBoolean()).isTrue();
    assertThat(firstIds).containsExactlyElementsOf(issued.subList(0, 2));
    assertThat(second).containsExactlyElementsOf(issued.subList(2, 4));
    assertThat(last.json().get("has_more").asBoolean()).isFalse();
    assertThat(last.json().get("api_keys").get(0).get("id").asText()).isEqualTo(issued.get(4));
    assertThat(last.json().get("api_keys").size()).isEqualTo(1);
  }

  @Test
  void givenNoBody_rotate_answers201WithANewKeyAndTheOldStopsAtOnce() {
    RestFixture.Issued issued = orgKey("org_acme");

    RestFixture.Answer rotated = rest.call("PUT", KEYS + "/" + issued.id(), null);

    assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
    assertThat(fields(rotated.json())).containsExactly("api_key", "code", "message");
    assertThat(rotated.text("/code")).isEqualTo("API_KEY_ROTATED");
    assertThat(rotated.text("/message")).isEqualTo("API key rotated successfully");
    assertThat(fields(rotated.json().get("api_key"))).containsExactly("id", "key");
    assertThat(rotated.text("/api_key/id")).isEqualTo(issued.id());
    String newKey = rotated.text("/api_key/key");
    assertThat(newKey).startsWith("k_live_").isNotEqualTo(issued.key());
    assertThat(verify(newKey).text("/code")).isEqualTo("API_KEY_VERIFIED");
    assertThat(verify(issued.key()).text("/code")).isEqualTo("API_KEY_INVALID");
    assertThat(rest.get(KEYS + "/" + issued.id()).text("/api_key/key_suffix"))
        .isEqualTo(newKey.substring(newKey.length() - 4));
  }

  @Test
  void givenGrace_rotate_keepsTheOldKeyWorkingUntilTheGraceEnds() {
    RestFixture.Issued issued = orgKey("org_acme");

    RestFixture.Answer rotated =
        rest.call("PUT", KEYS + "/" + issued.id(), "{\"previous_key_expires_in_seconds\":3600}");

    assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
    assertThat(verify(issued.key()).text("/code")).isEqualTo("API_KEY_VERIFIED");
    assertThat(verify(rotated.text("/api_key/key")).text("/code")).isEqualTo("API_KEY_VERIFIED");
    rest.keygate.clock.advance(Duration.ofSeconds(3600));
    assertThat(verify(issued.key()).text("/code")).isEqualTo("API_KEY_INVALID");
    assertThat(verify(rotated.text("/api_key/key")).text("/code")).isEqualTo("API_KEY_VERIFIED");
  }

  @Test
  void givenGrace_extendedListAndGet_tellWhenThePreviousKeyStops_untilItHas() {
    RestFixture.Issued issued = orgKey("org_acme");
    String end = rest.keygate.clock.instant().plusSeconds(3600).toString();
    rest.call("PUT", KEYS + "/" + issued.id(), "{\"previous_key_expires_in_seconds\":3600}");

    String search = KEYS + "?search=" + issued.id();
    JsonNode listed = rest.getExtended(search).json().at("/api_keys/0");
    assertThat(listed.get("id").asText()).isEqualTo(issued.id());
    assertThat(listed.get("previous_secret_expires_on").asText()).isEqualTo(end);
    assertThat(
            rest.getExtended(KEYS + "/" + issued.id()).text("/api_key/previous_secret_expires_on"))
        .isEqualTo(end);
    assertThat(
            rest.get(KEYS + "/" + issued.id())
                .json()
                .get("api_key")
                .has("previous_secret_expires_on"))
        .isFalse();

    rest.keygate.clock.advance(Duration.ofSeconds(3600));

    assertThat(rest.getExtended(search).json().at("/api_keys/0").has("previous_secret_expires_on"))
        .isFalse();
  }

  @Test
  void search_findsKeysByNamePartOrIdStart_eitherCase_withKeysetPaging() {
    RestFixture.Issued acme = orgKey("org_acme");
    RestFixture.Issued other = orgKey("org_other");
    RestFixture.Issued acme2 = orgKey("org_acme");

    assertThat(listedIds("?search=OF%20ORG_ACME")).containsExactly(acme.id(), acme2.id());
    assertThat(listedIds("?search=" + other.id().toUpperCase(java.util.Locale.ROOT)))
        .containsExactly(other.id());
    RestFixture.Answer first = rest.getExtended(KEYS + "?search=acme&page_size=1");
    assertThat(first.json().get("has_more").asBoolean()).isTrue();
    assertThat(listedIds("?search=acme&page_size=1&starting_after=" + acme.id()))
        .containsExactly(acme2.id());
    assertThat(listedIds("?search=acme&status=revoked")).isEmpty();

    RestFixture.Answer tooLong = rest.get(KEYS + "?search=" + "x".repeat(129));
    assertError(tooLong, 400, "INVALID_REQUEST");
    assertThat(tooLong.text("/errors/0/message")).startsWith("search must be 1-128 characters");
  }

  @Test
  void givenGraceOverSevenDays_rotate_answers400AndKeepsTheKey() {
    RestFixture.Issued issued = orgKey("org_acme");

    RestFixture.Answer refused =
        rest.call("PUT", KEYS + "/" + issued.id(), "{\"previous_key_expires_in_seconds\":604801}");

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(refused.text("/errors/0/message")).contains("grace");
    assertThat(verify(issued.key()).text("/code")).isEqualTo("API_KEY_VERIFIED");
  }

  @Test
  void patch_renamesDisablesEnablesAndSetsTheExpiry() {
    RestFixture.Issued issued = orgKey("org_acme");
    String path = KEYS + "/" + issued.id();

    RestFixture.Answer renamed =
        rest.extended(
            "PATCH",
            path,
            "{\"name\":\"Renamed\",\"status\":\"inactive\",\"expires_on\":\"2026-03-01T00:00:00Z\"}");

    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    assertThat(nulls(renamed.json())).isEmpty();
    assertThat(renamed.text("/code")).isEqualTo("OK");
    assertThat(renamed.text("/api_key/name")).isEqualTo("Renamed");
    assertThat(renamed.text("/api_key/status")).isEqualTo("inactive");
    assertThat(renamed.text("/api_key/expires_on")).isEqualTo("2026-03-01T00:00:00Z");
    assertThat(verify(issued.key()).text("/code")).isEqualTo("API_KEY_INACTIVE");

    RestFixture.Answer enabled = rest.call("PATCH", path, "{\"status\":\"active\"}");

    assertThat(enabled.text("/api_key/status")).isEqualTo("active");
    assertThat(enabled.text("/api_key/name")).isEqualTo("Renamed");
    assertThat(verify(issued.key()).text("/code")).isEqualTo("API_KEY_VERIFIED");
  }

  @Test
  void givenStatusRevoked_patch_answers400AndPointsToDelete() {
    RestFixture.Issued issued = orgKey("org_acme");

    RestFixture.Answer refused =
        rest.call("PATCH", KEYS + "/" + issued.id(), "{\"status\":\"revoked\"}");

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(refused.text("/errors/0/message")).contains("status").contains("DELETE");
    assertThat(verify(issued.key()).text("/code")).isEqualTo("API_KEY_VERIFIED");
  }

  @Test
  void delete_revokesAndTheRecordStaysWithStatusRevoked() {
    RestFixture.Issued issued = orgKey("org_acme");

    RestFixture.Answer deleted = rest.call("DELETE", KEYS + "/" + issued.id(), null);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().toString()).isEqualTo("{\"code\":\"OK\",\"message\":\"Success\"}");
    RestFixture.Answer read = rest.getExtended(KEYS + "/" + issued.id());
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text("/api_key/status")).isEqualTo("revoked");
    assertThat(read.text("/api_key/revoked_on")).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(verify(issued.key()).text("/code")).isEqualTo("API_KEY_REVOKED");
    assertError(rest.call("DELETE", KEYS + "/" + issued.id(), null), 409, "CONFLICT");
  }

  @Test
  void givenLiveKey_verify_answersVerifiedWithTheKeysFieldsAndNoNull() {
    RestFixture.Issued issued = orgKey("org_acme", "read:users", "write:users");

    RestFixture.Answer verified = verify(issued.key());

    assertThat(verified.status()).isEqualTo(200);
    assertThat(nulls(verified.json())).isEmpty();
    assertThat(fields(verified.json()))
        .containsExactlyInAnyOrder(
            "code",
            "message",
            "is_valid",
            "key_id",
            "status",
            "scopes",
            "org_code",
            "verification_count");
    assertThat(verified.text("/code")).isEqualTo("API_KEY_VERIFIED");
    assertThat(verified.text("/message")).isEqualTo("API key verified");
    assertThat(verified.json().get("is_valid").isBoolean()).isTrue();
    assertThat(verified.json().get("is_valid").asBoolean()).isTrue();
    assertThat(verified.text("/key_id")).isEqualTo(issued.id());
    assertThat(verified.text("/status")).isEqualTo("active");
    assertThat(verified.json().get("scopes").toString())
        .isEqualTo("[\"read:users\",\"write:users\"]");
    assertThat(verified.text("/org_code")).isEqualTo("org_acme");
  }

  @Test
  void givenEachKeyState_verify_answersItsCode() {
    RestFixture.Issued inactive = orgKey("org_acme");
    rest.call("PATCH", KEYS + "/" + inactive.id(), "{\"status\":\"inactive\"}");
    RestFixture.Issued revoked = orgKey("org_acme");
    rest.call("DELETE", KEYS + "/" + revoked.id(), null);
    RestFixture.Issued expiring =
        rest.createKey(
            """
            {"name":"k","api_id":"%s","org_code":"org_acme","expires_on":"2026-01-02T00:00:00Z"}
            """
                .formatted(api.id()));
    rest.keygate.clock.advance(Duration.ofDays(1));

    assertThat(verify(inactive.key()).text("/code")).isEqualTo("API_KEY_INACTIVE");
    assertThat(verify(inactive.key()).text("/status")).isEqualTo("inactive");
    assertThat(verify(revoked.key()).text("/code")).isEqualTo("API_KEY_REVOKED");
    assertThat(verify(expiring.key()).text("/code")).isEqualTo("API_KEY_EXPIRED");
    assertThat(verify(expiring.key()).json().get("is_valid").asBoolean()).isFalse();
    assertThat(verify("not a key").text("/code")).isEqualTo("API_KEY_INVALID");
  }

  @Test
  void givenRequiredScopes_verify_answersInsufficientScopeUnlessAllAreHeld() {
    RestFixture.Issued issued = orgKey("org_acme", "read:users");

    RestFixture.Answer lacking =
        rest.post(
            VERIFY,
            "{\"api_key\":\"%s\",\"required_scopes\":[\"read:users\",\"write:users\"]}"
                .formatted(issued.key()));
    RestFixture.Answer holding =
        rest.post(
            VERIFY,
            "{\"api_key\":\"%s\",\"required_scopes\":[\"read:users\"]}".formatted(issued.key()));

    assertThat(lacking.status()).isEqualTo(200);
    assertThat(lacking.text("/code")).isEqualTo("API_KEY_INSUFFICIENT_SCOPE");
    assertThat(lacking.json().get("is_valid").asBoolean()).isFalse();
    assertThat(lacking.text("/key_id")).isEqualTo(issued.id());
    assertThat(holding.text("/code")).isEqualTo("API_KEY_VERIFIED");
  }

  @Test
  void givenApiId_verify_answersInvalidForAKeyOfAnotherApi() {
    RestFixture.Issued issued = orgKey("org_acme");
    Api other = rest.keygate.registerApi("https://billing.example.com");

    RestFixture.Answer elsewhere =
        rest.post(
            VERIFY, "{\"api_key\":\"%s\",\"api_id\":\"%s\"}".formatted(issued.key(), other.id()));
    RestFixture.Answer here =
        rest.post(
            VERIFY, "{\"api_key\":\"%s\",\"api_id\":\"%s\"}".formatted(issued.key(), api.id()));

    assertThat(elsewhere.status()).isEqualTo(200);
    assertThat(elsewhere.json().toString())
        .isEqualTo(
            "{\"code\":\"API_KEY_INVALID\",\"message\":\"API key is invalid\",\"is_valid\":false}");
    assertThat(here.text("/code")).isEqualTo("API_KEY_VERIFIED");
  }

  @Test
  void unknownKey_wrongSecret_andTypo_answerTheVerifyCallIdentically() {
    RestFixture.Issued issued = orgKey("org_acme");

    RestFixture.Answer unknown = verify(TestKeygate.unknownToken());
    RestFixture.Answer wrongSecret = verify(TestKeygate.withWrongSecret(issued.key()));
    RestFixture.Answer typo = verify(TestKeygate.withTypo(issued.key()));
    RestFixture.Answer garbage = verify("k_live_garbage");

    assertThat(unknown.status()).isEqualTo(200);
    assertThat(unknown.text("/code")).isEqualTo("API_KEY_INVALID");
    for (RestFixture.Answer answer : List.of(wrongSecret, typo, garbage)) {
      assertThat(answer.status()).isEqualTo(unknown.status());
      assertThat(answer.body()).isEqualTo(unknown.body());
    }
    assertThat(verify(issued.key()).text("/code")).isEqualTo("API_KEY_VERIFIED");
  }

  @Test
  void verifyWithoutRequiredScopes_answersTheOutcome() {
    RestFixture.Answer verified =
        rest.call(
            "POST", "/api/v1/api_keys/verify", "{\"api_key\":\"%s\"}".formatted(rest.rootKey));

    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.text("/code")).isEqualTo("API_KEY_VERIFIED");
  }

  @Test
  void aBodyWithoutARequiredField_answers400NamingIt() {
    RestFixture.Answer nameless =
        rest.call("POST", "/api/v1/api_keys", "{\"org_code\":\"org_acme\",\"api_id\":null}");

    assertThat(nameless.status()).isEqualTo(400);
    assertThat(nameless.text("/errors/0/message")).isEqualTo("name is required");
  }
}
