package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.domain.api.Api;
import dev.keygate.wire.WireJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every Kinde operation Keygate serves answers exactly what Kinde's published specification
 * declares for it (as {@link KindeSpec} writes it down): no undeclared field, the declared types,
 * no {@code null} where none is declared, the declared status, and the declared error shape for
 * each status. The opt-in {@code Keygate-Extensions: true} brings Keygate's richer fields back.
 */
class KindeShapesTest {

  private static final String KEYS = "/api/v1/api_keys";

  private final RestFixture rest = new RestFixture();
  private Api api;

  @BeforeEach
  void setUp() {
    api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.addScope(api, "read:users");
    rest.keygate.addScope(api, "write:users");
    rest.keygate.createOrganization("org_acme");
    rest.keygate.createOrganization("org_globex");
    rest.keygate.createUser("kp_alice");
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  private static void assertAnswer(RestFixture.Answer answer, int status, DeclaredShape shape) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    shape.assertDeclares(answer.json());
  }

  private RestFixture.Answer createOrgKey(String expiresOn) {
    return rest.post(
        KEYS,
        WireJson.write(
            Map.of(
                "name",
                "Production Integration",
                "api_id",
                api.id().value(),
                "scope_ids",
                List.of("read:users", "write:users"),
                "org_code",
                "org_acme",
                "type",
                "organization",
                "expires_on",
                expiresOn)));
  }

  @Test
  void createAndListApiKeys_answerKindesDeclaredFields() {
    RestFixture.Answer created = createOrgKey("2099-01-01T00:00:00Z");
    assertAnswer(created, 201, KindeSpec.CREATE_API_KEY_RESPONSE);
    String token = created.text("/api_key/key");
    rest.post(KEYS + "/verify", WireJson.write(Map.of("api_key", token)));

    RestFixture.Answer listed =
        rest.get(KEYS + "?org_code=org_acme&status=active&key_type=organization");
    assertAnswer(listed, 200, KindeSpec.GET_API_KEYS_RESPONSE);
    assertThat(listed.json().get("api_keys")).hasSize(1);
    assertThat(listed.json().get("has_more").asBoolean()).isFalse();
  }

  @Test
  void anEnvironmentKey_isCreatedVerifiedReadAndListedInKindesShapes_withNoOrganizationOrUser() {
    RestFixture.Answer created =
        rest.post(
            KEYS,
            WireJson.write(
                Map.of(
                    "name",
                    "Nightly sync",
                    "api_id",
                    api.id().value(),
                    "scope_ids",
                    List.of("read:users"),
                    "type",
                    "environment")));
    assertAnswer(created, 201, KindeSpec.CREATE_API_KEY_RESPONSE);
    String keyId = created.text("/api_key/id");

    RestFixture.Answer verified =
        rest.post(
            KEYS + "/verify", WireJson.write(Map.of("api_key", created.text("/api_key/key"))));
    assertAnswer(verified, 200, KindeSpec.VERIFY_API_KEY_RESPONSE);
    assertThat(verified.json().get("is_valid").asBoolean()).isTrue();
    assertThat(verified.text("/key_id")).isEqualTo(keyId);
    assertThat(fields(verified.json())).doesNotContain("org_code", "user_id");

    RestFixture.Answer read = rest.get(KEYS + "/" + keyId);
    assertAnswer(read, 200, KindeSpec.GET_API_KEY_RESPONSE);
    JsonNode key = read.json().get("api_key");
    assertThat(key.get("type").asText()).isEqualTo("environment");
    assertThat(fields(key)).doesNotContain("organization_id", "user_id", "org_code");

    RestFixture.Answer listed = rest.get(KEYS + "?key_type=environment");
    assertAnswer(listed, 200, KindeSpec.GET_API_KEYS_RESPONSE);
    assertThat(listed.json().get("api_keys")).hasSize(1);
    assertThat(listed.text("/api_keys/0/id")).isEqualTo(keyId);
    assertThat(listed.text("/api_keys/0/type")).isEqualTo("environment");
    String orgKeyId = createOrgKey("2099-01-01T00:00:00Z").text("/api_key/id");
    assertThat(
            rest.get(KEYS + "?key_type=organization").json().get("api_keys").findValuesAsText("id"))
        .contains(orgKeyId)
        .doesNotContain(keyId);
    assertThat(
            rest.get(KEYS + "?key_type=environment").json().get("api_keys").findValuesAsText("id"))
        .containsExactly(keyId);

    JsonNode rich = rest.getExtended(KEYS + "/" + keyId).json().get("api_key");
    assertThat(rich.get("type").asText()).isEqualTo("environment");
    assertThat(fields(rich)).doesNotContain("organization_id", "user_id", "org_code");
  }

  @Test
  void getApiKey_answersKindesFields_andTheOptInAddsOrgCodeExpiryAndRevocation() {
    String keyId = createOrgKey("2099-01-01T00:00:00Z").text("/api_key/id");
    rest.call("DELETE", KEYS + "/" + keyId, null);

    RestFixture.Answer read = rest.get(KEYS + "/" + keyId);
    assertAnswer(read, 200, KindeSpec.GET_API_KEY_RESPONSE);
    JsonNode key = read.json().get("api_key");
    assertThat(key.get("organization_id").asText()).isEqualTo("org_acme");
    assertThat(key.get("status").asText()).isEqualTo("revoked");
    assertThat(fields(key)).doesNotContain("org_code", "expires_on", "revoked_on");
    // Never verified: exactly Kinde's fields that have a value.
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
            "organization_id");

    RestFixture.Answer rich = rest.getExtended(KEYS + "/" + keyId);
    assertThat(rich.status()).isEqualTo(200);
    JsonNode richKey = rich.json().get("api_key");
    assertThat(fields(richKey)).containsAll(fields(key));
    assertThat(richKey.get("org_code").asText()).isEqualTo("org_acme");
    assertThat(richKey.get("expires_on").asText()).isEqualTo("2099-01-01T00:00:00Z");
    assertThat(richKey.has("revoked_on")).isTrue();
    assertThat(rich.response().headers().firstValue("Vary")).hasValue(RestFixture.EXTENSIONS);
  }

  @Test
  void patchApiKey_answersKindesKeyShape_andTheOptInTheRichOne() {
    String keyId = createOrgKey("2099-01-01T00:00:00Z").text("/api_key/id");

    RestFixture.Answer patched =
        rest.call("PATCH", KEYS + "/" + keyId, "{\"status\":\"inactive\"}");
    assertAnswer(patched, 200, KindeSpec.GET_API_KEY_RESPONSE);
    RestFixture.Answer rich = rest.extended("PATCH", KEYS + "/" + keyId, "{\"status\":\"active\"}");
    assertThat(rich.text("/api_key/expires_on")).isEqualTo("2099-01-01T00:00:00Z");
  }

  @Test
  void rotateRevokeAndVerify_answerKindesDeclaredFields() {
    RestFixture.Answer created = createOrgKey("2099-01-01T00:00:00Z");
    String keyId = created.text("/api_key/id");

    RestFixture.Answer rotated = rest.call("PUT", KEYS + "/" + keyId, null);
    assertAnswer(rotated, 201, KindeSpec.ROTATE_API_KEY_RESPONSE);
    RestFixture.Answer verified =
        rest.post(
            KEYS + "/verify", WireJson.write(Map.of("api_key", rotated.text("/api_key/key"))));
    assertAnswer(verified, 200, KindeSpec.VERIFY_API_KEY_RESPONSE);
    assertThat(verified.json().get("is_valid").asBoolean()).isTrue();
    RestFixture.Answer refused =
        rest.post(
            KEYS + "/verify", WireJson.write(Map.of("api_key", created.text("/api_key/key"))));
    assertAnswer(refused, 200, KindeSpec.VERIFY_API_KEY_RESPONSE);
    assertAnswer(rest.call("DELETE", KEYS + "/" + keyId, null), 200, KindeSpec.SUCCESS_RESPONSE);
  }

  @Test
  void aMissingKey_answers404InKindesNotFoundShape_onGetRotateAndDelete() {
    String unknown = "api_key_0195ac80a14e8d71f42b98e75d3c61ad";
    for (String method : List.of("GET", "PUT", "DELETE")) {
      RestFixture.Answer missing = rest.call(method, KEYS + "/" + unknown, null);
      assertAnswer(missing, 404, KindeSpec.NOT_FOUND_RESPONSE);
      assertThat(fields(missing.json())).containsExactly("errors");
      assertThat(fields(missing.json().get("errors"))).containsExactly("code", "message");
      assertThat(missing.json().at("/errors/code").asText()).isEqualTo("NOT_FOUND");
      assertThat(missing.json().at("/errors/message").asText())
          .isEqualTo("api key " + unknown + " not found");
    }
    RestFixture.Answer noRoute = rest.get("/api/v1/no_such_route");
    assertAnswer(noRoute, 404, KindeSpec.NOT_FOUND_RESPONSE);
    assertThat(noRoute.json().at("/errors/code").asText()).isEqualTo("ROUTE_NOT_FOUND");
  }

  @Test
  void badInputAMissingScopeAndABadKey_answerKindesErrorResponse() {
    RestFixture.Answer badStatus = rest.get(KEYS + "?status=expired");
    assertAnswer(badStatus, 400, KindeSpec.ERROR_RESPONSE);
    assertThat(badStatus.text("/errors/0/message")).contains("status");

    RestFixture.Answer undeclared =
        rest.post(KEYS, "{\"name\":\"k\",\"api_id\":\"" + api.id() + "\",\"colour\":\"red\"}");
    assertAnswer(undeclared, 400, KindeSpec.ERROR_RESPONSE);
    assertThat(undeclared.text("/errors/0/message")).isEqualTo("unknown field colour");

    RestFixture.Issued reader = rest.managementKey("org_code", "org_acme", "read:apis");
    RestFixture.Answer forbidden = rest.call("GET", KEYS, null, reader.key());
    assertAnswer(forbidden, 403, KindeSpec.ERROR_RESPONSE);

    RestFixture.Answer unauthorized =
        rest.call("POST", KEYS + "/verify", "{\"api_key\":\"x\"}", "k_live_nonsense");
    assertAnswer(unauthorized, 401, KindeSpec.ERROR_RESPONSE);
  }

  @Test
  void applications_answerKindesDeclaredFields_andTheOptInAddsOrganizationCreationAndApis() {
    RestFixture.Answer created =
        rest.post(
            "/api/v1/applications",
            "{\"name\":\"Billing sync\",\"type\":\"m2m\",\"org_code\":\"org_acme\"}");
    assertAnswer(created, 201, KindeSpec.CREATE_APPLICATION_RESPONSE);
    String id = created.text("/application/id");

    RestFixture.Answer listed = rest.get("/api/v1/applications");
    assertAnswer(listed, 200, KindeSpec.GET_APPLICATIONS_RESPONSE);
    assertThat(fields(listed.json().at("/applications/0")))
        .containsExactlyInAnyOrder("id", "name", "type");
    RestFixture.Answer one = rest.get("/api/v1/applications/" + id);
    assertAnswer(one, 200, KindeSpec.GET_APPLICATION_RESPONSE);
    assertThat(fields(one.json().get("application")))
        .containsExactlyInAnyOrder("id", "name", "type", "client_id");

    RestFixture.Answer richList = rest.getExtended("/api/v1/applications");
    assertThat(richList.json().at("/applications/0/org_code").asText()).isEqualTo("org_acme");
    assertThat(richList.json().at("/applications/0").has("created_on")).isTrue();
    RestFixture.Answer richOne = rest.getExtended("/api/v1/applications/" + id);
    assertThat(fields(richOne.json().get("application")))
        .contains("org_code", "created_on", "apis");
  }

  @Test
  void aKindeRouteKeygateDoesNotServe_answers404RouteNotFound_whateverItsBodyOrBearer() {
    String logo = "/api/v1/organizations/org_acme/logos/dark";
    String multipart = "multipart/form-data; boundary=x";

    for (String bearer : new String[] {rest.rootKey, null, "k_live_not_a_key"}) {
      RestFixture.Answer answer = rest.call("POST", logo, "--x--", bearer, multipart);
      assertAnswer(answer, 404, KindeSpec.NOT_FOUND_RESPONSE);
      assertThat(answer.json().at("/errors/code").asText()).isEqualTo("ROUTE_NOT_FOUND");
    }
    // A route Keygate serves still refuses the wrong media type, and a missing bearer.
    assertThat(rest.call("POST", "/api/v1/organization", "--x--", rest.rootKey, multipart).status())
        .isEqualTo(415);
    assertThat(rest.call("GET", "/api/v1/organizations", null, null).status()).isEqualTo(401);
  }

  @Test
  void listAndGetApis_answerScopesAsIdAndKey_andTheOptInAddsTheirDescriptions() {
    RestFixture.Answer listed = rest.get("/api/v1/apis?expand=scopes");
    assertAnswer(listed, 200, KindeSpec.GET_APIS_RESPONSE);
    RestFixture.Answer one = rest.get("/api/v1/apis/" + api.id());
    assertAnswer(one, 200, KindeSpec.GET_API_RESPONSE);
    assertThat(one.json().at("/api/scopes")).hasSize(2);
    assertThat(fields(one.json().at("/api/scopes/0"))).containsExactly("id", "key");
    assertThat(fields(one.json().get("api")))
        .containsExactlyInAnyOrder("id", "name", "audience", "is_management_api", "scopes");
    assertThat(fields(listed.json())).containsExactlyInAnyOrder("code", "message", "apis");

    assertThat(
            rest.getExtended("/api/v1/apis/" + api.id())
                .json()
                .at("/api/scopes")
                .findValuesAsText("description"))
        .containsExactlyInAnyOrder("may read:users", "may write:users");
    JsonNode richList = rest.getExtended("/api/v1/apis?expand=scopes").json();
    assertThat(richList.at("/apis").findValues("description")).isNotEmpty();
  }

  @Test
  void registerDeleteAndTheScopeOperations_answerKindesDeclaredFields() {
    RestFixture.Answer registered =
        rest.post("/api/v1/apis", "{\"name\":\"Billing\",\"audience\":\"billing\"}");
    assertAnswer(registered, 200, KindeSpec.CREATE_APIS_RESPONSE);
    String apiId = registered.text("/api/id");
    String scopes = "/api/v1/apis/" + apiId + "/scopes";
    RestFixture.Answer scope = rest.post(scopes, "{\"key\":\"pay\",\"description\":\"Pay\"}");
    assertAnswer(scope, 200, KindeSpec.CREATE_API_SCOPES_RESPONSE);
    String scopeId = scope.text("/scope/id");
    assertAnswer(rest.get(scopes), 200, KindeSpec.GET_API_SCOPES_RESPONSE);
    assertAnswer(rest.get(scopes + "/" + scopeId), 200, KindeSpec.GET_API_SCOPE_RESPONSE);
    // Kinde declares these two 200s without a body; Keygate's {code, message} is read by none.
    assertAnswer(
        rest.call("PATCH", scopes + "/" + scopeId, "{\"description\":\"Pay all\"}"),
        200,
        KindeSpec.SUCCESS_RESPONSE);
    assertAnswer(
        rest.call("DELETE", scopes + "/" + scopeId, null), 200, KindeSpec.SUCCESS_RESPONSE);
    assertAnswer(
        rest.call("DELETE", "/api/v1/apis/" + apiId, null), 200, KindeSpec.DELETE_API_RESPONSE);
  }

  @Test
  void listOrganizations_answersKindesFieldsAndNextToken_andTheOptInAddsCreatedOnAndHasMore() {
    assertAnswer(
        rest.post("/api/v1/organization", "{\"name\":\"Initech\"}"),
        200,
        KindeSpec.CREATE_ORGANIZATION_RESPONSE);

    RestFixture.Answer first = rest.get("/api/v1/organizations?page_size=2");
    assertAnswer(first, 200, KindeSpec.GET_ORGANIZATIONS_RESPONSE);
    assertThat(first.json().get("organizations")).hasSize(2);
    String token = first.text("/next_token");
    assertThat(token).isNotBlank();
    assertThat(fields(first.json()))
        .containsExactlyInAnyOrder("code", "message", "organizations", "next_token");
    assertThat(fields(first.json().at("/organizations/0"))).containsExactly("code", "name");
    RestFixture.Answer rest2 = rest.get("/api/v1/organizations?page_size=500&next_token=" + token);
    assertAnswer(rest2, 200, KindeSpec.GET_ORGANIZATIONS_RESPONSE);
    assertThat(rest2.json().has("next_token")).isFalse();
    assertThat(first.json().get("organizations").size() + rest2.json().get("organizations").size())
        .isEqualTo(4); // the operator's, org_acme, org_globex and Initech's

    JsonNode rich = rest.getExtended("/api/v1/organizations?page_size=2").json();
    assertThat(rich.get("has_more").asBoolean()).isTrue();
    assertThat(rich.get("next_token").asText()).isEqualTo(token);
    assertThat(fields(rich.at("/organizations/0"))).containsExactly("code", "created_on", "name");
  }

  @Test
  void listUsers_answersKindesFieldsWithTheNameAsFirstAndLastName_andTheOptInAddsName() {
    RestFixture.Answer created =
        rest.post(
            "/api/v1/user",
            "{\"id\":\"kp_bob\",\"name\":\"Bob van Dijk\",\"email\":\"bob@example.com\"}");
    assertAnswer(created, 200, KindeSpec.CREATE_USER_RESPONSE);

    RestFixture.Answer first = rest.get("/api/v1/users?page_size=1");
    assertAnswer(first, 200, KindeSpec.USERS_RESPONSE);
    RestFixture.Answer second =
        rest.get("/api/v1/users?page_size=1&next_token=" + first.text("/next_token"));
    assertAnswer(second, 200, KindeSpec.USERS_RESPONSE);
    JsonNode bob = second.json().at("/users/0");
    assertThat(bob.get("id").asText()).isEqualTo("kp_bob");
    assertThat(bob.get("first_name").asText()).isEqualTo("Bob");
    assertThat(bob.get("last_name").asText()).isEqualTo("van Dijk");
    assertThat(bob.get("email").asText()).isEqualTo("bob@example.com");
    assertThat(fields(bob))
        .containsExactlyInAnyOrder("id", "email", "first_name", "last_name", "created_on");
    assertThat(fields(second.json())).containsExactlyInAnyOrder("code", "message", "users");

    JsonNode rich = rest.getExtended("/api/v1/users?page_size=1").json();
    assertThat(rich.get("has_more").asBoolean()).isTrue();
    assertThat(rich.at("/users/0/name").asText()).isNotBlank();
  }

  @Test
  void createOrganization_acceptsAndIgnoresKindesDeclaredFields_andRefusesOthers() {
    RestFixture.Answer created =
        rest.post(
            "/api/v1/organization",
            """
            {"name":"Initech","external_id":"some1234","feature_flags":{"beta":"bool"},
             "handle":"initech","background_color":"#fff","theme_code":"dark",
             "is_auto_membership_enabled":true,"is_create_billing_customer":false,
             "sender_name":null,"billing_plan_code":"pro"}
            """);
    assertAnswer(created, 200, KindeSpec.CREATE_ORGANIZATION_RESPONSE);
    String code = created.text("/organization/code");
    assertThat(rest.keygate.owners.findOrganization(new dev.keygate.domain.owner.OrgCode(code)))
        .hasValueSatisfying(organization -> assertThat(organization.name()).isEqualTo("Initech"));

    RestFixture.Answer undeclared =
        rest.post("/api/v1/organization", "{\"name\":\"Hooli\",\"slogan\":\"x\"}");
    assertAnswer(undeclared, 400, KindeSpec.ERROR_RESPONSE);
    assertThat(undeclared.text("/errors/0/message")).isEqualTo("unknown field slogan");
  }

  @Test
  void createUser_takesKindesProfileAndEmailIdentity_andIgnoresWhatKeygateDoesNotKeep() {
    RestFixture.Answer created =
        rest.post(
            "/api/v1/user",
            """
            {"profile":{"given_name":"Carol","family_name":"de Vries","picture":"https://x/c.png"},
             "organization_code":"org_acme","provided_id":"U123",
             "identities":[{"type":"email","is_verified":true,"details":{"email":"carol@example.com"}},
                           {"type":"phone","details":{"phone":"+61426148233","phone_country_id":"au"}},
                           {"type":"username","details":{"username":"carol"}}]}
            """);
    assertAnswer(created, 200, KindeSpec.CREATE_USER_RESPONSE);
    String id = created.text("/id");
    assertThat(rest.keygate.owners.findUser(new dev.keygate.domain.owner.UserId(id)))
        .hasValueSatisfying(
            user -> {
              assertThat(user.name()).isEqualTo("Carol de Vries");
              assertThat(user.email()).contains("carol@example.com");
            });
    JsonNode listed = rest.get("/api/v1/users?page_size=500").json().get("users");
    JsonNode carol = null;
    for (JsonNode user : listed) {
      if (user.get("id").asText().equals(id)) {
        carol = user;
      }
    }
    assertThat(carol).isNotNull();
    assertThat(carol.get("first_name").asText()).isEqualTo("Carol");
    assertThat(carol.get("last_name").asText()).isEqualTo("de Vries");

    for (String[] refused :
        new String[][] {
          {"{}", "name is required, or profile.given_name or profile.family_name"},
          {"{\"name\":\"A\",\"profile\":{\"given_name\":\"B\"}}", "give name or profile, not both"},
          {
            "{\"name\":\"A\",\"identities\":[{\"type\":\"fax\"}]}",
            "identities[0].type must be email, phone or username"
          },
          {
            "{\"name\":\"A\",\"identities\":[{\"type\":\"email\"}]}",
            "identities[0].details.email is required"
          },
          {"{\"name\":\"A\",\"organization_code\":\"org a\"}", "organization code"},
          {"{\"name\":\"A\",\"profile\":{\"nickname\":\"B\"}}", "unknown field profile.nickname"}
        }) {
      RestFixture.Answer answer = rest.post("/api/v1/user", refused[0]);
      assertAnswer(answer, 400, KindeSpec.ERROR_RESPONSE);
      assertThat(answer.text("/errors/0/message")).as(refused[0]).contains(refused[1]);
    }
  }

  @Test
  void getOrganizationByCode_answersKindesObject_andOneOutOfReachAnswersAsAMissingOne() {
    RestFixture.Answer read = rest.get("/api/v1/organization?code=org_acme");
    assertAnswer(read, 200, KindeSpec.GET_ORGANIZATION_RESPONSE);
    assertThat(fields(read.json())).containsExactly("code", "created_on", "name");
    assertThat(read.text("/code")).isEqualTo("org_acme");
    assertAnswer(
        rest.get("/api/v1/organization?code=org_acme&expand=billing"),
        200,
        KindeSpec.GET_ORGANIZATION_RESPONSE);

    RestFixture.Answer missing = rest.get("/api/v1/organization?code=org_nobody");
    assertAnswer(missing, 404, KindeSpec.NOT_FOUND_RESPONSE);
    assertThat(missing.text("/errors/message")).isEqualTo("organization org_nobody not found");
    String globexAdmin = rest.managementKey("org_code", "org_globex", "read:organizations").key();
    RestFixture.Answer outOfReach =
        rest.call("GET", "/api/v1/organization?code=org_acme", null, globexAdmin);
    assertAnswer(outOfReach, 404, KindeSpec.NOT_FOUND_RESPONSE);
    assertThat(outOfReach.text("/errors/message")).isEqualTo("organization org_acme not found");
    assertThat(rest.call("GET", "/api/v1/organization?code=org_globex", null, globexAdmin).status())
        .isEqualTo(200);

    RestFixture.Answer codeless = rest.get("/api/v1/organization");
    assertAnswer(codeless, 400, KindeSpec.ERROR_RESPONSE);
    assertThat(codeless.text("/errors/0/message")).isEqualTo("code is required");
    assertAnswer(
        rest.get("/api/v1/organization?code=org_acme&expand=users"), 400, KindeSpec.ERROR_RESPONSE);
  }

  @Test
  void getUserById_answersKindesUser_andTheOptInAddsNameAndEmail() {
    rest.post(
        "/api/v1/user",
        "{\"id\":\"kp_bob\",\"name\":\"Bob van Dijk\",\"email\":\"bob@example.com\"}");

    RestFixture.Answer read = rest.get("/api/v1/user?id=kp_bob");
    assertAnswer(read, 200, KindeSpec.USER);
    assertThat(fields(read.json()))
        .containsExactlyInAnyOrder(
            "id", "preferred_email", "first_name", "last_name", "created_on");
    assertThat(read.text("/preferred_email")).isEqualTo("bob@example.com");
    assertThat(read.text("/last_name")).isEqualTo("van Dijk");
    JsonNode rich = rest.getExtended("/api/v1/user?id=kp_bob").json();
    assertThat(rich.get("name").asText()).isEqualTo("Bob van Dijk");
    assertThat(rich.get("email").asText()).isEqualTo("bob@example.com");

    RestFixture.Answer missing = rest.get("/api/v1/user?id=kp_nobody");
    assertAnswer(missing, 404, KindeSpec.NOT_FOUND_RESPONSE);
    String acmeAdmin = rest.managementKey("org_code", "org_acme", "read:users").key();
    RestFixture.Answer outOfReach = rest.call("GET", "/api/v1/user?id=kp_bob", null, acmeAdmin);
    assertAnswer(outOfReach, 404, KindeSpec.NOT_FOUND_RESPONSE);
    assertThat(outOfReach.text("/errors/message")).isEqualTo("user kp_bob not found");
    RestFixture.Answer idless = rest.get("/api/v1/user");
    assertAnswer(idless, 400, KindeSpec.ERROR_RESPONSE);
    assertThat(idless.text("/errors/0/message")).isEqualTo("id is required");
  }

  @Test
  void aKindeFilterKeygateCannotApplyOrAnUndeclaredParameter_answers400NamingIt() {
    for (String query :
        List.of(
            "/api/v1/users?phone=%2B61426148233",
            "/api/v1/users?has_organization=true", "/api/v1/organizations?sort=email_asc")) {
      RestFixture.Answer refused = rest.get(query);
      assertAnswer(refused, 400, KindeSpec.ERROR_RESPONSE);
      String parameter = query.substring(query.indexOf('?') + 1, query.indexOf('='));
      assertThat(refused.text("/errors/0/message"))
          .startsWith(parameter)
          .contains(" is not supported");
    }
    RestFixture.Answer undeclared = rest.get(KEYS + "?colour=red");
    assertAnswer(undeclared, 400, KindeSpec.ERROR_RESPONSE);
    assertThat(undeclared.text("/errors/0/message")).isEqualTo("unknown query parameter colour");
  }

  @Test
  void aBadNextTokenOrOptIn_answers400NamingIt() {
    RestFixture.Answer token = rest.get("/api/v1/users?next_token=not-a-token");
    assertAnswer(token, 400, KindeSpec.ERROR_RESPONSE);
    assertThat(token.text("/errors/0/message")).contains("next_token");
    RestFixture.Answer both =
        rest.get("/api/v1/organizations?starting_after=org_a&next_token=YWZ0ZXI6b3JnX2E");
    assertAnswer(both, 400, KindeSpec.ERROR_RESPONSE);

    RestFixture.Answer optIn =
        rest.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.base() + KEYS))
                .header("Authorization", "Bearer " + rest.rootKey)
                .header(RestFixture.EXTENSIONS, "yes")
                .build());
    assertAnswer(optIn, 400, KindeSpec.ERROR_RESPONSE);
    assertThat(optIn.text("/errors/0/message"))
        .isEqualTo("Keygate-Extensions must be true or false");
  }

  @Test
  void updateAndDeleteAnOrganization_answerKindesSuccess_andOneOwningALiveKeyIsKept() {
    String org = "/api/v1/organization/org_globex";
    RestFixture.Answer renamed =
        rest.call("PATCH", org, "{\"name\":\"Globex Inc\",\"handle\":\"globex\"}");
    assertAnswer(renamed, 200, KindeSpec.SUCCESS_RESPONSE);
    assertThat(rest.get("/api/v1/organization?code=org_globex").text("/name"))
        .isEqualTo("Globex Inc");
    RestFixture.Answer suspended = rest.call("PATCH", org, "{\"is_suspended\":true}");
    assertAnswer(suspended, 400, KindeSpec.ERROR_RESPONSE);
    assertThat(suspended.text("/errors/0/message")).startsWith("is_suspended is not supported");

    createOrgKey("2099-01-01T00:00:00Z");
    RestFixture.Answer kept = rest.call("DELETE", "/api/v1/organization/org_acme", null);
    assertThat(kept.status()).isEqualTo(409);
    assertThat(kept.text("/errors/0/message"))
        .isEqualTo(
            "organization org_acme owns 1 live api key and cannot be deleted until they are"
                + " revoked");
    assertAnswer(rest.call("DELETE", org, null), 200, KindeSpec.SUCCESS_RESPONSE);
    assertAnswer(
        rest.get("/api/v1/organization?code=org_globex"), 404, KindeSpec.NOT_FOUND_RESPONSE);
    assertAnswer(rest.call("DELETE", org, null), 404, KindeSpec.NOT_FOUND_RESPONSE);
  }

  @Test
  void updateUser_answersKindesUpdateUserResponse_andDeleteUserKindesSuccess() {
    RestFixture.Answer updated =
        rest.call(
            "PATCH",
            "/api/v1/user?id=kp_alice",
            "{\"given_name\":\"Alice\",\"family_name\":\"Liddell\",\"picture\":\"https://x\"}");
    assertAnswer(updated, 200, KindeSpec.UPDATE_USER_RESPONSE);
    assertThat(updated.text("/given_name")).isEqualTo("Alice");
    assertThat(updated.text("/family_name")).isEqualTo("Liddell");
    assertThat(updated.json().get("is_suspended").asBoolean()).isFalse();
    assertThat(rest.get("/api/v1/user?id=kp_alice").text("/last_name")).isEqualTo("Liddell");

    RestFixture.Answer deleted =
        rest.call("DELETE", "/api/v1/user?id=kp_alice&is_delete_profile=true", null);
    assertAnswer(deleted, 200, KindeSpec.SUCCESS_RESPONSE);
    assertAnswer(rest.get("/api/v1/user?id=kp_alice"), 404, KindeSpec.NOT_FOUND_RESPONSE);
  }

  @Test
  void getUsers_filtersByEmailAndUserId_whateverTheCaseOfTheEmail() {
    rest.post("/api/v1/user", "{\"id\":\"kp_bob\",\"name\":\"Bob\",\"email\":\"Bob@Example.com\"}");
    rest.post(
        "/api/v1/user", "{\"id\":\"kp_carol\",\"name\":\"Carol\",\"email\":\"c@example.com\"}");

    RestFixture.Answer byEmail = rest.get("/api/v1/users?email=bob@example.com,nobody@example.com");
    assertAnswer(byEmail, 200, KindeSpec.USERS_RESPONSE);
    assertThat(byEmail.json().get("users").findValuesAsText("id")).containsExactly("kp_bob");
    RestFixture.Answer byId = rest.get("/api/v1/users?user_id=kp_carol,kp_alice");
    assertThat(byId.json().get("users").findValuesAsText("id"))
        .containsExactly("kp_alice", "kp_carol");
    assertThat(rest.get("/api/v1/users?user_id=kp_bob&email=c@example.com").json().get("users"))
        .isEmpty();
    RestFixture.Answer malformed = rest.get("/api/v1/users?email=not-an-email");
    assertAnswer(malformed, 400, KindeSpec.ERROR_RESPONSE);
    assertThat(malformed.text("/errors/0/message")).startsWith("email filter");
  }

  @Test
  void organizationsAndApplications_sortByName_pagingWithNextTokenInThatOrder() {
    rest.call("PATCH", "/api/v1/organization/org_acme", "{\"name\":\"Beta\"}");
    rest.call("PATCH", "/api/v1/organization/org_globex", "{\"name\":\"Alpha\"}");
    RestFixture.Answer first = rest.get("/api/v1/organizations?sort=name_desc&page_size=1");
    assertAnswer(first, 200, KindeSpec.GET_ORGANIZATIONS_RESPONSE);
    List<String> names =
        new java.util.ArrayList<>(first.json().get("organizations").findValuesAsText("name"));
    RestFixture.Answer next = first;
    while (next.json().has("next_token")) {
      next =
          rest.get(
              "/api/v1/organizations?sort=name_desc&page_size=1&next_token="
                  + next.text("/next_token"));
      names.addAll(next.json().get("organizations").findValuesAsText("name"));
    }
    // The operator's organization is named "Keygate operator".
    assertThat(names).containsExactly("Keygate operator", "Beta", "Alpha");
    RestFixture.Answer otherOrder =
        rest.get("/api/v1/organizations?sort=name_asc&next_token=" + first.text("/next_token"));
    assertThat(otherOrder.status()).isEqualTo(200);
    RestFixture.Answer codeToken =
        rest.get(
            "/api/v1/organizations?sort=name_asc&next_token="
                + rest.get("/api/v1/organizations?page_size=1").text("/next_token"));
    assertAnswer(codeToken, 400, KindeSpec.ERROR_RESPONSE);

    for (String name : List.of("Zed", "Ann", "Max")) {
      rest.post("/api/v1/applications", "{\"name\":\"" + name + "\",\"type\":\"m2m\"}");
    }
    RestFixture.Answer apps = rest.get("/api/v1/applications?sort=name_asc&page_size=2");
    assertAnswer(apps, 200, KindeSpec.GET_APPLICATIONS_RESPONSE);
    assertThat(apps.json().get("applications").findValuesAsText("name"))
        .containsExactly("Ann", "Max");
    RestFixture.Answer lastApps =
        rest.get(
            "/api/v1/applications?sort=name_asc&page_size=2&next_token="
                + apps.text("/next_token"));
    assertThat(lastApps.json().get("applications").findValuesAsText("name")).containsExactly("Zed");
    assertThat(lastApps.json().has("next_token")).isFalse();
    assertAnswer(rest.get("/api/v1/applications?sort=newest"), 400, KindeSpec.ERROR_RESPONSE);
  }
}
