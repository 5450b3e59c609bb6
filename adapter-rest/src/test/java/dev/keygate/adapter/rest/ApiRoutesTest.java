package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static dev.keygate.adapter.rest.JsonShapes.fields;
import static dev.keygate.adapter.rest.JsonShapes.nulls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/apis} and {@code /api/v1/apis/{api_id}/scopes} over real HTTP. */
class ApiRoutesTest {

  private static final String APIS = "/api/v1/apis";

  private final RestFixture rest = new RestFixture();

  @AfterEach
  void stop() {
    rest.close();
  }

  private String registerUsersApi() {
    RestFixture.Answer created =
        rest.post(APIS, "{\"name\":\"Users API\",\"audience\":\"https://users.example.com\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.text("/api/id");
  }

  private String addScope(String apiId, String body) {
    RestFixture.Answer created = rest.post(APIS + "/" + apiId + "/scopes", body);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.text("/scope/id");
  }

  @Test
  void create_answers200AsKindeWithTheNewApisId() {
    RestFixture.Answer created =
        rest.post(APIS, "{\"name\":\"Users API\",\"audience\":\"https://users.example.com\"}");

    assertThat(created.status()).isEqualTo(200);
    assertThat(nulls(created.json())).isEmpty();
    assertThat(fields(created.json())).containsExactly("api", "code", "message");
    assertThat(created.text("/code")).isEqualTo("OK");
    assertThat(created.text("/message")).isEqualTo("Success");
    assertThat(fields(created.json().get("api"))).containsExactly("id");
    String id = created.text("/api/id");
    assertThat(id).matches("api_[0-9a-f]{32}");
    assertThat(rest.keygate.apis.findByAudience("https://users.example.com"))
        .hasValueSatisfying(api -> assertThat(api.id().value()).isEqualTo(id));
  }

  @Test
  void list_answersEveryApiWithKindesFieldsAndNoNextToken() {
    String users = registerUsersApi();

    RestFixture.Answer listed = rest.get(APIS);

    assertThat(listed.status()).isEqualTo(200);
    assertThat(nulls(listed.json())).isEmpty();
    assertThat(fields(listed.json())).containsExactly("apis", "code", "message");
    assertThat(listed.text("/code")).isEqualTo("OK");
    assertThat(listed.text("/message")).isEqualTo("Success");
    JsonNode apis = listed.json().get("apis");
    assertThat(apis.size()).isEqualTo(2);
    JsonNode management = apis.get(0);
    assertThat(fields(management))
        .containsExactlyInAnyOrder("id", "name", "audience", "is_management_api");
    assertThat(management.get("id").asText()).isEqualTo(rest.managementApiId());
    assertThat(management.get("audience").asText()).isEqualTo("keygate-management");
    assertThat(management.get("is_management_api").isBoolean()).isTrue();
    assertThat(management.get("is_management_api").asBoolean()).isTrue();
    JsonNode usersApi = apis.get(1);
    assertThat(usersApi.get("id").asText()).isEqualTo(users);
    assertThat(usersApi.get("name").asText()).isEqualTo("Users API");
    assertThat(usersApi.get("audience").asText()).isEqualTo("https://users.example.com");
    assertThat(usersApi.get("is_management_api").asBoolean()).isFalse();
  }

  @Test
  void givenExpandScopes_list_answersEachApisScopes() {
    String users = registerUsersApi();
    String read = addScope(users, "{\"key\":\"read:users\"}");

    RestFixture.Answer listed = rest.get(APIS + "?expand=scopes");

    assertThat(listed.status()).isEqualTo(200);
    JsonNode usersApi = listed.json().get("apis").get(1);
    assertThat(usersApi.get("scopes").size()).isEqualTo(1);
    assertThat(usersApi.get("scopes").get(0).get("id").asText()).isEqualTo(read);
    assertThat(usersApi.get("scopes").get(0).get("key").asText()).isEqualTo("read:users");
    assertThat(listed.json().get("apis").get(0).get("scopes").size())
        .isEqualTo(ManagementScope.values().length);
    assertError(rest.get(APIS + "?expand=applications"), 400, "INVALID_REQUEST");
  }

  @Test
  void givenTheOptIn_get_answersTheApiWithItsScopesAndTheirDescriptions() {
    String users = registerUsersApi();
    String read = addScope(users, "{\"key\":\"read:users\",\"description\":\"Read users\"}");
    String write = addScope(users, "{\"key\":\"write:users\"}");

    RestFixture.Answer read1 = rest.getExtended(APIS + "/" + users);

    assertThat(read1.status()).isEqualTo(200);
    assertThat(nulls(read1.json())).isEmpty();
    assertThat(fields(read1.json())).containsExactly("api", "code", "message");
    assertThat(read1.text("/code")).isEqualTo("OK");
    JsonNode api = read1.json().get("api");
    assertThat(fields(api))
        .containsExactlyInAnyOrder(
            "id", "name", "audience", "is_management_api", "scopes", "created_on");
    assertThat(api.get("id").asText()).isEqualTo(users);
    assertThat(api.get("is_management_api").asBoolean()).isFalse();
    assertThat(api.get("scopes").size()).isEqualTo(2);
    JsonNode first = api.get("scopes").get(0);
    assertThat(fields(first)).containsExactlyInAnyOrder("id", "key", "description");
    assertThat(first.get("id").asText()).isEqualTo(read);
    assertThat(first.get("key").asText()).isEqualTo("read:users");
    assertThat(first.get("description").asText()).isEqualTo("Read users");
    JsonNode second = api.get("scopes").get(1);
    assertThat(second.get("id").asText()).isEqualTo(write);
    assertThat(second.get("description").isTextual()).isTrue();
    assertThat(second.get("description").asText()).isEmpty();
  }

  @Test
  void delete_answersKindesApiDeletedAndTheApiIsGone() {
    String users = registerUsersApi();
    addScope(users, "{\"key\":\"read:users\"}");

    RestFixture.Answer deleted = rest.call("DELETE", APIS + "/" + users, null);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().toString())
        .isEqualTo("{\"code\":\"API_DELETED\",\"message\":\"API successfully deleted\"}");
    assertError(rest.get(APIS + "/" + users), 404, "NOT_FOUND");
    assertThat(rest.get(APIS).json().get("apis").size()).isEqualTo(1);
  }

  @Test
  void givenKeysIssuedForIt_delete_answers409AndKeepsTheApi() {
    Api api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.createOrganization("org_acme");
    rest.keygate.issueKey(new Owner.Org(new OrgCode("org_acme")), api);

    RestFixture.Answer refused = rest.call("DELETE", APIS + "/" + api.id(), null);

    assertError(refused, 409, "CONFLICT");
    assertThat(rest.get(APIS + "/" + api.id()).status()).isEqualTo(200);
  }

  @Test
  void givenManagementApi_delete_answers409() {
    assertError(rest.call("DELETE", APIS + "/" + rest.managementApiId(), null), 409, "CONFLICT");
    assertThat(rest.get(APIS + "/" + rest.managementApiId()).status()).isEqualTo(200);
  }

  @Test
  void givenTakenAudience_create_answers409() {
    registerUsersApi();

    RestFixture.Answer duplicate =
        rest.post(APIS, "{\"name\":\"Other\",\"audience\":\"https://users.example.com\"}");

    assertError(duplicate, 409, "CONFLICT");
    assertThat(duplicate.text("/errors/0/message")).contains("audience");
    assertThat(rest.get(APIS).json().get("apis").size()).isEqualTo(2);
  }

  @Test
  void givenReservedAudience_create_answers400() {
    assertError(
        rest.post(APIS, "{\"name\":\"Mine\",\"audience\":\"keygate-management\"}"),
        400,
        "INVALID_REQUEST");
  }

  @Test
  void givenMissingField_create_answers400NamingIt() {
    RestFixture.Answer noName = rest.post(APIS, "{\"audience\":\"https://a.example.com\"}");
    RestFixture.Answer nullAudience = rest.post(APIS, "{\"name\":\"A\",\"audience\":null}");

    assertError(noName, 400, "INVALID_REQUEST");
    assertThat(noName.text("/errors/0/message")).isEqualTo("name is required");
    assertError(nullAudience, 400, "INVALID_REQUEST");
    assertThat(nullAudience.text("/errors/0/message")).isEqualTo("audience is required");
  }

  @Test
  void createScope_answers200WithTheNewScopesId() {
    String users = registerUsersApi();

    RestFixture.Answer created =
        rest.post(
            APIS + "/" + users + "/scopes",
            "{\"key\":\"read:users\",\"description\":\"Read users\"}");

    assertThat(created.status()).isEqualTo(200);
    assertThat(nulls(created.json())).isEmpty();
    assertThat(fields(created.json())).containsExactly("code", "message", "scope");
    assertThat(created.text("/code")).isEqualTo("OK");
    assertThat(created.text("/message")).isEqualTo("Success");
    assertThat(fields(created.json().get("scope"))).containsExactly("id");
    assertThat(created.text("/scope/id")).matches("api_scope_[0-9a-f]{32}");
  }

  @Test
  void listScopes_answersTheScopesOfThatApiOnly() {
    String users = registerUsersApi();
    String read = addScope(users, "{\"key\":\"read:users\",\"description\":\"Read users\"}");
    String write = addScope(users, "{\"key\":\"write:users\"}");
    Api billing = rest.keygate.registerApi("https://billing.example.com");
    rest.keygate.addScope(billing, "read:invoices");

    RestFixture.Answer listed = rest.get(APIS + "/" + users + "/scopes");

    assertThat(listed.status()).isEqualTo(200);
    assertThat(nulls(listed.json())).isEmpty();
    assertThat(fields(listed.json())).containsExactly("code", "message", "scopes");
    assertThat(listed.text("/code")).isEqualTo("OK");
    List<String> ids = new ArrayList<>();
    listed.json().get("scopes").forEach(scope -> ids.add(scope.get("id").asText()));
    assertThat(ids).containsExactly(read, write);
    JsonNode first = listed.json().get("scopes").get(0);
    assertThat(fields(first)).containsExactlyInAnyOrder("id", "key", "description");
    assertThat(first.get("key").asText()).isEqualTo("read:users");
    assertThat(first.get("description").asText()).isEqualTo("Read users");
  }

  @Test
  void getScope_answersKindesScopeShape() {
    String users = registerUsersApi();
    String read = addScope(users, "{\"key\":\"read:users\",\"description\":\"Read users\"}");

    RestFixture.Answer got = rest.get(APIS + "/" + users + "/scopes/" + read);

    assertThat(got.status()).isEqualTo(200);
    assertThat(got.json().toString())
        .isEqualTo(
            "{\"code\":\"OK\",\"message\":\"Success\",\"scope\":{\"id\":\""
                + read
                + "\",\"key\":\"read:users\",\"description\":\"Read users\"}}");
  }

  @Test
  void patchScope_changesTheDescriptionOnly() {
    String users = registerUsersApi();
    String read = addScope(users, "{\"key\":\"read:users\",\"description\":\"Old\"}");
    String path = APIS + "/" + users + "/scopes/" + read;

    RestFixture.Answer patched = rest.call("PATCH", path, "{\"description\":\"New words\"}");

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().toString()).isEqualTo("{\"code\":\"OK\",\"message\":\"Success\"}");
    assertThat(rest.get(path).text("/scope/description")).isEqualTo("New words");
    assertThat(rest.get(path).text("/scope/key")).isEqualTo("read:users");
  }

  @Test
  void givenNoDescription_patchScope_answers400NamingIt() {
    String users = registerUsersApi();
    String read = addScope(users, "{\"key\":\"read:users\",\"description\":\"Old\"}");

    RestFixture.Answer refused = rest.call("PATCH", APIS + "/" + users + "/scopes/" + read, "{}");

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(refused.text("/errors/0/message")).isEqualTo("description is required");
  }

  @Test
  void deleteScope_answersSuccessAndKeysThatHeldItLoseIt() {
    Api api = rest.keygate.registerApi("https://users.example.com");
    Scope read = rest.keygate.addScope(api, "read:users");
    rest.keygate.createOrganization("org_acme");
    String keyId =
        rest.keygate
            .issueKey(new Owner.Org(new OrgCode("org_acme")), api, "read:users")
            .key()
            .id()
            .value();
    String path = APIS + "/" + api.id() + "/scopes/" + read.id();

    RestFixture.Answer deleted = rest.call("DELETE", path, null);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().toString()).isEqualTo("{\"code\":\"OK\",\"message\":\"Success\"}");
    assertError(rest.get(path), 404, "NOT_FOUND");
    assertThat(rest.get("/api/v1/api_keys/" + keyId).json().get("api_key").get("scopes").size())
        .isZero();
  }

  @Test
  void givenTakenKey_createScope_answers409() {
    String users = registerUsersApi();
    addScope(users, "{\"key\":\"read:users\"}");

    RestFixture.Answer duplicate =
        rest.post(APIS + "/" + users + "/scopes", "{\"key\":\"read:users\"}");

    assertError(duplicate, 409, "CONFLICT");
    assertThat(duplicate.text("/errors/0/message")).contains("read:users");
    assertThat(rest.get(APIS + "/" + users + "/scopes").json().get("scopes").size()).isEqualTo(1);
  }

  @Test
  void givenScopeOfAnotherApi_getScope_answers404() {
    String users = registerUsersApi();
    Api billing = rest.keygate.registerApi("https://billing.example.com");
    Scope invoices = rest.keygate.addScope(billing, "read:invoices");

    assertError(rest.get(APIS + "/" + users + "/scopes/" + invoices.id()), 404, "NOT_FOUND");
  }

  @Test
  void givenManagementApi_createScope_answers409() {
    assertError(
        rest.post(APIS + "/" + rest.managementApiId() + "/scopes", "{\"key\":\"mine\"}"),
        409,
        "CONFLICT");
  }
}
