package dev.keygate.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.fake.TestKeygate;
import dev.keygate.application.port.in.IssuedApiKey;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyResponsesTest {

  private final TestKeygate keygate = new TestKeygate();
  private final Api api = keygate.registerApi("https://users.example.com");
  private final Owner alice = new Owner.User(new UserId("kp_alice"));

  {
    keygate.addScope(api, "write:users");
    keygate.addScope(api, "read:users");
    keygate.createUser("kp_alice");
  }

  @Test
  void givenUserKey_details_areTheSummaryThenTheOwnerAndTheDates() throws Exception {
    ApiKey key = keygate.issueKey(alice, api, "write:users", "read:users").key();

    JsonNode summary = tree(ApiKeyResponses.summary(key));
    JsonNode details = tree(ApiKeyResponses.details(key));

    assertThat(summary.get("type").asText()).isEqualTo("user");
    assertThat(summary.get("status").asText()).isEqualTo("active");
    assertThat(summary.get("scopes").toString()).isEqualTo("[\"read:users\",\"write:users\"]");
    for (Iterator<String> names = summary.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      assertThat(details.get(name)).as(name).isEqualTo(summary.get(name));
    }
    assertThat(details.get("user_id").asText()).isEqualTo("kp_alice");
    assertThat(details.has("org_code")).isFalse();
    assertThat(details.has("organization_id")).isFalse();
  }

  @Test
  void givenEnvironmentKey_everyAnswer_saysEnvironmentAndNamesNoOrganizationOrUser()
      throws Exception {
    IssuedApiKey issued = keygate.issueKey(new Owner.Environment(), api, "read:users");

    JsonNode details = tree(ApiKeyResponses.details(issued.key()));
    JsonNode kinde = tree(ApiKeyResponses.one("Success", issued.key()).kinde());
    JsonNode verified = tree(ApiKeyResponses.verified(keygate.verify(issued)));

    assertThat(tree(ApiKeyResponses.summary(issued.key())).get("type").asText())
        .isEqualTo("environment");
    assertThat(details.get("type").asText()).isEqualTo("environment");
    assertThat(kinde.at("/api_key/type").asText()).isEqualTo("environment");
    for (JsonNode key : List.of(details, kinde.get("api_key"))) {
      assertThat(key.has("org_code")).isFalse();
      assertThat(key.has("organization_id")).isFalse();
      assertThat(key.has("user_id")).isFalse();
    }
    assertThat(verified.get("is_valid").asBoolean()).isTrue();
    assertThat(verified.has("org_code")).isFalse();
    assertThat(verified.has("user_id")).isFalse();
  }

  @Test
  void givenNewKey_created_carriesTheTokenOnceUnderKindesCode() throws Exception {
    IssuedApiKey issued = keygate.issueKey(alice, api, "read:users");

    JsonNode created = tree(ApiKeyResponses.created(issued));

    assertThat(created.get("code").asText()).isEqualTo("API_KEY_CREATED");
    assertThat(created.at("/api_key/id").asText()).isEqualTo(issued.key().id().value());
    assertThat(created.at("/api_key/key").asText()).isEqualTo(issued.token().reveal());
  }

  @Test
  void givenUnknownToken_verified_tellsNothingOfAKey() throws Exception {
    JsonNode verified = tree(ApiKeyResponses.verified(keygate.verify(TestKeygate.unknownToken())));

    assertThat(verified.get("is_valid").asBoolean()).isFalse();
    assertThat(verified.get("code").asText()).isEqualTo("API_KEY_INVALID");
    List<String> fields = List.copyOf(iterable(verified.fieldNames()));
    assertThat(fields).containsExactly("code", "message", "is_valid");
  }

  private static JsonNode tree(Object response) throws Exception {
    return WireJson.mapper().readTree(WireJson.write(response));
  }

  private static <T> List<T> iterable(Iterator<T> iterator) {
    List<T> list = new java.util.ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
