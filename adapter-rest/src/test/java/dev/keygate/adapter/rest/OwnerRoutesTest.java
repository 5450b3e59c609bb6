package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static dev.keygate.adapter.rest.JsonShapes.fields;
import static dev.keygate.adapter.rest.JsonShapes.nulls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.UserId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/organization(s)} and {@code /api/v1/user(s)} over real HTTP. */
class OwnerRoutesTest {

  private final RestFixture rest = new RestFixture();

  @AfterEach
  void stop() {
    rest.close();
  }

  private static List<String> values(JsonNode array, String field) {
    List<String> found = new ArrayList<>();
    array.forEach(item -> found.add(item.get(field).asText()));
    return found;
  }

  @Test
  void givenCode_createOrganization_answers200WithThatCode() {
    RestFixture.Answer created =
        rest.post("/api/v1/organization", "{\"name\":\"Acme\",\"code\":\"org_acme\"}");

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().toString())
        .isEqualTo(
            "{\"code\":\"OK\",\"message\":\"Success\",\"organization\":{\"code\":\"org_acme\"}}");
    assertThat(rest.keygate.owners.findOrganization(new OrgCode("org_acme")))
        .hasValueSatisfying(org -> assertThat(org.name()).isEqualTo("Acme"));
  }

  @Test
  void givenNoCode_createOrganization_generatesOne() {
    RestFixture.Answer created = rest.post("/api/v1/organization", "{\"name\":\"Acme\"}");

    assertThat(created.status()).isEqualTo(200);
    String code = created.text("/organization/code");
    assertThat(code).matches("org_[0-9a-f]{12}");
    assertThat(rest.keygate.owners.findOrganization(new OrgCode(code))).isPresent();
  }

  @Test
  void givenTakenCode_createOrganization_answers409() {
    rest.post("/api/v1/organization", "{\"name\":\"Acme\",\"code\":\"org_acme\"}");

    RestFixture.Answer duplicate =
        rest.post("/api/v1/organization", "{\"name\":\"Other\",\"code\":\"org_acme\"}");

    assertError(duplicate, 409, "CONFLICT");
    assertThat(duplicate.text("/errors/0/message")).contains("org_acme");
    assertThat(rest.keygate.owners.findOrganization(new OrgCode("org_acme")))
        .hasValueSatisfying(org -> assertThat(org.name()).isEqualTo("Acme"));
  }

  @Test
  void givenTheOperatorsCode_createOrganization_answers400() {
    assertError(
        rest.post("/api/v1/organization", "{\"name\":\"Me\",\"code\":\"keygate-operator\"}"),
        400,
        "INVALID_REQUEST");
  }

  @Test
  void givenNoName_createOrganization_answers400NamingIt() {
    RestFixture.Answer refused = rest.post("/api/v1/organization", "{\"code\":\"org_acme\"}");

    assertError(refused, 400, "INVALID_REQUEST");
    assertThat(refused.text("/errors/0/message")).isEqualTo("name is required");
  }

  @Test
  void givenTheOptIn_listOrganizations_answersCodeNameAndCreatedOnWithHasMore() {
    rest.keygate.createOrganization("org_a");
    rest.keygate.createOrganization("org_b");

    RestFixture.Answer listed = rest.getExtended("/api/v1/organizations");

    assertThat(listed.status()).isEqualTo(200);
    assertThat(nulls(listed.json())).isEmpty();
    assertThat(fields(listed.json()))
        .containsExactlyInAnyOrder("code", "message", "has_more", "organizations");
    assertThat(listed.text("/code")).isEqualTo("OK");
    assertThat(listed.text("/message")).isEqualTo("Success");
    assertThat(listed.json().get("has_more").asBoolean()).isFalse();
    JsonNode organizations = listed.json().get("organizations");
    assertThat(values(organizations, "code")).containsExactly("keygate-operator", "org_a", "org_b");
    JsonNode first = organizations.get(1);
    assertThat(fields(first)).containsExactlyInAnyOrder("code", "name", "created_on");
    assertThat(first.get("name").asText()).isEqualTo("Org org_a");
    assertThat(first.get("created_on").asText()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void givenPageSize_listOrganizations_pagesByCode() {
    rest.keygate.createOrganization("org_a");
    rest.keygate.createOrganization("org_b");
    rest.keygate.createOrganization("org_c");

    RestFixture.Answer first = rest.getExtended("/api/v1/organizations?page_size=2");
    RestFixture.Answer second =
        rest.getExtended("/api/v1/organizations?page_size=2&starting_after=org_a");

    assertThat(first.json().get("has_more").asBoolean()).isTrue();
    assertThat(values(first.json().get("organizations"), "code"))
        .containsExactly("keygate-operator", "org_a");
    assertThat(second.json().get("has_more").asBoolean()).isFalse();
    assertThat(values(second.json().get("organizations"), "code"))
        .containsExactly("org_b", "org_c");
  }

  @Test
  void givenIdNameAndEmail_createUser_answersIdAndCreated() {
    RestFixture.Answer created =
        rest.post(
            "/api/v1/user",
            "{\"id\":\"kp_alice\",\"name\":\"Alice\",\"email\":\"alice@example.com\"}");

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().toString()).isEqualTo("{\"id\":\"kp_alice\",\"created\":true}");
    assertThat(rest.keygate.owners.findUser(new UserId("kp_alice")))
        .hasValueSatisfying(user -> assertThat(user.email()).contains("alice@example.com"));
  }

  @Test
  void givenNameOnly_createUser_generatesTheId() {
    RestFixture.Answer created = rest.post("/api/v1/user", "{\"name\":\"Bob\"}");

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.text("/id")).matches("kp_[0-9a-f]{32}");
    assertThat(created.json().get("created").isBoolean()).isTrue();
    assertThat(created.json().get("created").asBoolean()).isTrue();
  }

  @Test
  void givenTakenIdOrBadEmail_createUser_answers409Or400() {
    rest.post("/api/v1/user", "{\"id\":\"kp_alice\",\"name\":\"Alice\"}");

    assertError(
        rest.post("/api/v1/user", "{\"id\":\"kp_alice\",\"name\":\"Other\"}"), 409, "CONFLICT");
    RestFixture.Answer badEmail =
        rest.post("/api/v1/user", "{\"name\":\"Carol\",\"email\":\"not-an-email\"}");
    assertError(badEmail, 400, "INVALID_REQUEST");
    assertThat(badEmail.text("/errors/0/message")).contains("email");
  }

  @Test
  void givenTheOptIn_listUsers_answersIdNameEmailCreatedOnAndLeavesOutAMissingEmail() {
    rest.post(
        "/api/v1/user", "{\"id\":\"kp_alice\",\"name\":\"Alice\",\"email\":\"a@example.com\"}");
    rest.post("/api/v1/user", "{\"id\":\"kp_bob\",\"name\":\"Bob\"}");

    RestFixture.Answer listed = rest.getExtended("/api/v1/users");

    assertThat(listed.status()).isEqualTo(200);
    assertThat(nulls(listed.json())).isEmpty();
    assertThat(fields(listed.json()))
        .containsExactlyInAnyOrder("code", "message", "has_more", "users");
    assertThat(listed.text("/code")).isEqualTo("OK");
    assertThat(listed.json().get("has_more").asBoolean()).isFalse();
    JsonNode users = listed.json().get("users");
    assertThat(values(users, "id")).containsExactly("kp_alice", "kp_bob");
    assertThat(fields(users.get(0)))
        .containsExactlyInAnyOrder("id", "name", "email", "created_on", "first_name");
    assertThat(users.get(0).get("email").asText()).isEqualTo("a@example.com");
    assertThat(users.get(0).get("created_on").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(fields(users.get(1)))
        .containsExactlyInAnyOrder("id", "name", "created_on", "first_name");
  }

  @Test
  void givenPageSize_listUsers_pagesById() {
    rest.keygate.createUser("kp_a");
    rest.keygate.createUser("kp_b");

    RestFixture.Answer first = rest.getExtended("/api/v1/users?page_size=1");
    RestFixture.Answer second = rest.getExtended("/api/v1/users?page_size=1&starting_after=kp_a");

    assertThat(first.json().get("has_more").asBoolean()).isTrue();
    assertThat(values(first.json().get("users"), "id")).containsExactly("kp_a");
    assertThat(second.json().get("has_more").asBoolean()).isFalse();
    assertThat(values(second.json().get("users"), "id")).containsExactly("kp_b");
  }
}
