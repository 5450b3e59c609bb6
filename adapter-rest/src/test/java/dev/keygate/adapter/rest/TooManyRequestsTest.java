package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.application.fake.TestKeygate;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.TokenFormat;
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

  @Test
  void givenLookupLockedOut_aGuessWithAKnownManagementKey_isRefusedBeforeTheKeyIsAuthenticated() {
    assertThat(verify(token).text("/code")).isEqualTo("API_KEY_VERIFIED");
    lockOut(TestKeygate.withWrongSecret(token));
    long rootUses = rest.keygate.usage.count(rootKeyId());

    RestFixture.Answer refused = verify(TestKeygate.withWrongSecret(token));

    assertError(refused, 429, "TOO_MANY_REQUESTS");
    assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("60");
    // Authenticating the root key would have counted a use of it; the refusal came first.
    assertThat(rest.keygate.usage.count(rootKeyId())).isEqualTo(rootUses);
    assertThat(verify(token).text("/code")).isEqualTo("API_KEY_VERIFIED");
    assertThat(rest.keygate.usage.count(rootKeyId())).isEqualTo(rootUses + 1);
  }

  @Test
  void givenLookupLockedOut_aGuessWithAnUnknownBearer_isStillRefusedAsUnauthorized() {
    String wrong = TestKeygate.withWrongSecret(token);
    lockOut(wrong);
    String unknown = TestKeygate.withWrongSecret(rest.rootKey);

    RestFixture.Answer refused =
        rest.call("POST", VERIFY, WireJson.write(Map.of("api_key", wrong)), unknown);

    assertError(refused, 401, "UNAUTHORIZED");
  }

  @Test
  void givenLookupLockedOut_aGuessWithAProvenKeyOfAnotherApiAsBearer_isStillUnauthorized() {
    // Proven, and remembered, but not a management key.
    assertThat(verify(token).text("/code")).isEqualTo("API_KEY_VERIFIED");
    String wrong = TestKeygate.withWrongSecret(token);
    lockOut(wrong);

    RestFixture.Answer refused =
        rest.call("POST", VERIFY, WireJson.write(Map.of("api_key", wrong)), token);

    assertError(refused, 401, "UNAUTHORIZED");
  }

  @Test
  void givenLookupLockedOut_aGuessWithAKnownManagementKeyThatMayNotVerify_isStillForbidden() {
    assertThat(verify(token).text("/code")).isEqualTo("API_KEY_VERIFIED");
    String wrong = TestKeygate.withWrongSecret(token);
    lockOut(wrong);
    String readsApisOnly = rest.managementKey("org_code", "org_acme", "read:apis").key();
    // Proven and remembered on this node, but without verify:api_keys or read:api_keys.
    assertThat(rest.call("GET", "/api/v1/apis", null, readsApisOnly).status()).isEqualTo(200);

    RestFixture.Answer refused =
        rest.call("POST", VERIFY, WireJson.write(Map.of("api_key", wrong)), readsApisOnly);

    assertError(refused, 403, "FORBIDDEN");
  }

  /** Guesses {@code wrong} until its lookup is locked out for this client. */
  private void lockOut(String wrong) {
    for (int i = 0; i < TestKeygate.FAILED_ATTEMPTS_LIMIT; i++) {
      assertThat(verify(wrong).text("/code")).isEqualTo("API_KEY_INVALID");
    }
  }

  private ApiKeyId rootKeyId() {
    ParsedToken root = TokenFormat.parse(rest.rootKey).orElseThrow();
    return rest.keygate.apiKeys.findBySecretLookup(root.lookup()).orElseThrow().id();
  }
}
