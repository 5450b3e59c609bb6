package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.domain.api.Api;
import dev.keygate.wire.WireJson;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lookup that failed too often answers 429 with Retry-After, on verify and on authentication. */
class TooManyRequestsTest {

  private static final String VERIFY = "/api/v1/api_keys/verify";

  private final RestFixture rest = new RestFixture();
  private String token;

  @BeforeEach
  void setUp() {
    Api api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.addScope(api, "read:users");
    rest.keygate.createOrganization("org_acme");
    token =
        rest.createKey(
                WireJson.write(
                    Map.of("name", "k", "api_id", api.id().value(), "org_code", "org_acme")))
            .key();
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  private RestFixture.Answer verify(String presented) {
    return rest.post(VERIFY, WireJson.write(Map.of("api_key", presented)));
  }

  @Test
  void givenWrongSecretsUpToTheLimit_verify_answers429WithRetryAfter_notAnotherInvalid() {
    String wrong = TestKeygate.withWrongSecret(token);
    for (int i = 0; i < TestKeygate.FAILED_ATTEMPTS_LIMIT; i++) {
      RestFixture.Answer invalid = verify(wrong);
      assertThat(invalid.status()).isEqualTo(200);
      assertThat(invalid.text("/code")).isEqualTo("API_KEY_INVALID");
    }

    RestFixture.Answer refused = verify(wrong);

    assertError(refused, 429, "TOO_MANY_REQUESTS");
    assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("60");
    assertThat(refused.text("/errors/0/message")).contains("too many failed verifications");
  }

  @Test
  void givenKeyVerifiedBefore_itsLookupsLockout_leavesItVerifying() {
    assertThat(verify(token).text("/code")).isEqualTo("API_KEY_VERIFIED");
    String wrong = TestKeygate.withWrongSecret(token);
    for (int i = 0; i <= TestKeygate.FAILED_ATTEMPTS_LIMIT; i++) {
      verify(wrong);
    }
    assertThat(verify(wrong).status()).isEqualTo(429);

    RestFixture.Answer verified = verify(token);

    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.text("/code")).isEqualTo("API_KEY_VERIFIED");
  }

  @Test
  void givenManagementKeyLookupLockedOut_aCallWithAWrongSecretOfIt_answers429() {
    String wrongRoot = TestKeygate.withWrongSecret(rest.rootKey);
    for (int i = 0; i < TestKeygate.FAILED_ATTEMPTS_LIMIT; i++) {
      assertError(rest.call("GET", "/api/v1/apis", null, wrongRoot), 401, "UNAUTHORIZED");
    }

    RestFixture.Answer refused = rest.call("GET", "/api/v1/apis", null, wrongRoot);

    assertError(refused, 429, "TOO_MANY_REQUESTS");
    assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("60");
    // The root key itself was proven before the attack began, so it goes on working.
    assertThat(rest.get("/api/v1/apis").status()).isEqualTo(200);
  }
}
