package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.domain.api.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiKeyRoutesTest {

  private final RestFixture rest = new RestFixture();

  @AfterEach
  void stop() {
    rest.close();
  }

  @Test
  void kindesCreateRequest_answers201WithTheKeyOnce() {
    Api api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.addScope(api, "read:users");
    rest.keygate.addScope(api, "write:users");
    rest.keygate.createOrganization("org_acme");

    RestFixture.Answer created =
        rest.call(
            "POST",
            "/api/v1/api_keys",
            """
            {"name":"Production Integration","api_id":"%s",
             "scope_ids":["read:users","write:users"],"org_code":"org_acme"}
            """
                .formatted(api.id()));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("/code")).isEqualTo("API_KEY_CREATED");
    assertThat(created.text("/message")).isEqualTo("API key created");
    assertThat(created.text("/api_key/id")).startsWith("api_key_");
    assertThat(created.text("/api_key/key")).startsWith("k_live_");
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
