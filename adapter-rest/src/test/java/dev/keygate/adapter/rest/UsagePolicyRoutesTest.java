package dev.keygate.adapter.rest;

import static dev.keygate.adapter.rest.JsonShapes.assertError;
import static dev.keygate.adapter.rest.JsonShapes.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Organization;
import dev.keygate.wire.WireJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keygate's usage policy over real HTTP: a key's rate limits, credits and allowed addresses set at
 * creation and by PATCH, each refusal at verification, the owner's shared limits and the usage
 * counts. The application runs on its in-memory fakes, whose clock starts at 2026-01-01T00:00:00Z.
 */
class UsagePolicyRoutesTest {

  private static final String KEYS = "/api/v1/api_keys";
  private static final String VERIFY = KEYS + "/verify";

  private final RestFixture rest = new RestFixture();
  private Api api;

  @BeforeEach
  void setUp() {
    api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.addScope(api, "read:users");
    rest.keygate.createOrganization("org_acme");
    rest.keygate.createOrganization("org_other");
    rest.keygate.createUser("kp_alice");
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  /** A key of organization Acme for the users API, with the policy fields given as JSON. */
  private RestFixture.Issued keyWith(String policyFields) {
    return rest.createKey(body("org_code", "org_acme", policyFields));
  }

  private String body(String ownerField, String owner, String policyFields) {
    return "{\"name\":\"limited\",\"api_id\":\"%s\",\"%s\":\"%s\"%s}"
        .formatted(api.id(), ownerField, owner, policyFields.isEmpty() ? "" : "," + policyFields);
  }

  private RestFixture.Answer verify(RestFixture.Issued key, String moreFields) {
    return rest.extended(
        "POST",
        VERIFY,
        "{\"api_key\":\"%s\"%s}"
            .formatted(key.key(), moreFields.isEmpty() ? "" : "," + moreFields));
  }

  private RestFixture.Answer verifyFrom(RestFixture.Issued key, String clientIp) {
    return verify(key, "\"client_ip\":\"" + clientIp + "\"");
  }

  private JsonNode extendedKey(String keyId) {
    RestFixture.Answer read = rest.getExtended(KEYS + "/" + keyId);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    return read.json().get("api_key");
  }

  private static void assertCode(RestFixture.Answer answer, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.text("/code")).as(answer.body()).isEqualTo(code);
    assertThat(answer.json().get("is_valid").asBoolean())
        .isEqualTo(code.equals("API_KEY_VERIFIED"));
  }

  private static String retryAfter(RestFixture.Answer answer) {
    return answer.response().headers().firstValue("Retry-After").orElse(null);
  }

  @Nested
  class CreateAndRead {

    @Test
    void givenEveryPartOfAPolicy_create_readsItBackCanonicallyWithTheOptIn() {
      RestFixture.Issued key =
          keyWith(
              """
              "rate_limits":[{"name":"burst","limit":100,"duration_seconds":1},
                             {"name":"daily","limit":10000,"duration_seconds":86400}],
              "credits":{"remaining":250,"refill":{"amount":100,"interval":"monthly","day":15,
                         "mode":"add"}},
              "ip_allowlist":["203.0.113.7/24","2001:DB8::/32"]
              """);

      JsonNode read = extendedKey(key.id());

      assertThat(read.get("rate_limits").toString())
          .isEqualTo(
              "[{\"name\":\"burst\",\"limit\":100,\"duration_seconds\":1},"
                  + "{\"name\":\"daily\",\"limit\":10000,\"duration_seconds\":86400}]");
      assertThat(read.get("credits").toString())
          .isEqualTo(
              "{\"remaining\":250,\"refill\":"
                  + "{\"amount\":100,\"interval\":\"monthly\",\"day\":15,\"mode\":\"add\"}}");
      assertThat(read.get("ip_allowlist").toString())
          .isEqualTo("[\"203.0.113.0/24\",\"2001:db8::/32\"]");
      assertThat(read.get("owner_rate_limits")).isEmpty();
    }

    @Test
    void givenRefillsOfEachInterval_create_readsTheirIntervalBackAsWritten() {
      for (String[] interval :
          new String[][] {
            {"\"daily\"", "{\"amount\":5,\"interval\":\"daily\",\"mode\":\"set\"}"},
            {"\"P7D\"", "{\"amount\":5,\"interval\":\"P7D\",\"mode\":\"set\"}"},
            {"\"PT12H\"", "{\"amount\":5,\"interval\":\"PT12H\",\"mode\":\"set\"}"},
            {"\"monthly\"", "{\"amount\":5,\"interval\":\"monthly\",\"day\":1,\"mode\":\"set\"}"}
          }) {
        RestFixture.Issued key =
            keyWith(
                "\"credits\":{\"remaining\":5,\"refill\":{\"amount\":5,\"interval\":%s}}"
                    .formatted(interval[0]));

        assertThat(extendedKey(key.id()).at("/credits/refill").toString())
            .as(interval[0])
            .isEqualTo(interval[1]);
      }
    }

    @Test
    void withoutTheOptIn_keyAndListAnswers_carryNoneOfThePolicy() {
      RestFixture.Issued key =
          keyWith(
              """
              "rate_limits":[{"name":"burst","limit":100,"duration_seconds":1}],
              "credits":{"remaining":250},"ip_allowlist":["203.0.113.0/24"]
              """);

      JsonNode kinde = rest.get(KEYS + "/" + key.id()).json().get("api_key");
      JsonNode listed = rest.get(KEYS).json().get("api_keys");
      JsonNode richList = rest.getExtended(KEYS).json().get("api_keys");

      assertThat(fields(kinde))
          .doesNotContain("rate_limits", "credits", "ip_allowlist", "owner_rate_limits");
      KindeSpec.GET_API_KEY_RESPONSE.assertDeclares(rest.get(KEYS + "/" + key.id()).json());
      KindeSpec.GET_API_KEYS_RESPONSE.assertDeclares(rest.get(KEYS).json());
      for (JsonNode each : listed) {
        assertThat(fields(each)).doesNotContain("rate_limits", "credits", "ip_allowlist");
      }
      JsonNode mine = null;
      for (JsonNode each : richList) {
        if (each.get("id").asText().equals(key.id())) {
          mine = each;
        }
      }
      assertThat(mine).isNotNull();
      assertThat(mine.at("/credits/remaining").asLong()).isEqualTo(250);
      assertThat(mine.at("/rate_limits/0/name").asText()).isEqualTo("burst");
    }

    @Test
    void givenNoPolicy_theExtendedAnswer_hasEmptyListsAndNoCredits() {
      RestFixture.Issued key = keyWith("");

      JsonNode read = extendedKey(key.id());

      assertThat(read.get("rate_limits")).isEmpty();
      assertThat(read.get("ip_allowlist")).isEmpty();
      assertThat(read.has("credits")).isFalse();
    }
  }

  @Nested
  class Refusals {

    @Test
    void givenAnAllowlist_verify_refusesOtherAddressesAndTheCallersOwnByDefault() {
      RestFixture.Issued key = keyWith("\"ip_allowlist\":[\"203.0.113.0/24\",\"2001:db8::/32\"]");

      assertCode(verifyFrom(key, "203.0.113.200"), "API_KEY_VERIFIED");
      assertCode(verifyFrom(key, "2001:db8:ffff::1"), "API_KEY_VERIFIED");
      assertCode(verifyFrom(key, "203.0.114.1"), "API_KEY_IP_NOT_ALLOWED");
      assertCode(verifyFrom(key, "2001:db9::1"), "API_KEY_IP_NOT_ALLOWED");
      // Without client_ip, the address verified is the caller's own: 127.0.0.1 here.
      RestFixture.Answer fromHere = verify(key, "");
      assertCode(fromHere, "API_KEY_IP_NOT_ALLOWED");
      assertThat(fromHere.text("/message")).isEqualTo("API key is not allowed from this address");
      assertThat(retryAfter(fromHere)).isNull();
    }

    @Test
    void givenARateLimit_theUseAfterTheLast_isRateLimitedWithRetryAfterUntilTheWindowEnds() {
      RestFixture.Issued key =
          keyWith("\"rate_limits\":[{\"name\":\"burst\",\"limit\":2,\"duration_seconds\":60}]");

      RestFixture.Answer first = verify(key, "");
      RestFixture.Answer second = verify(key, "");
      rest.keygate.clock.advance(Duration.ofSeconds(15));
      RestFixture.Answer third = verify(key, "");

      assertCode(first, "API_KEY_VERIFIED");
      assertThat(first.json().get("rate_limit").toString())
          .isEqualTo(
              "{\"name\":\"burst\",\"limit\":2,\"remaining\":1,\"reset\":\"2026-01-01T00:01:00Z\"}");
      assertThat(retryAfter(first)).isNull();
      assertCode(second, "API_KEY_VERIFIED");
      assertThat(second.json().at("/rate_limit/remaining").asLong()).isZero();
      assertCode(third, "API_KEY_RATE_LIMITED");
      assertThat(third.text("/message")).isEqualTo("API key is over a rate limit");
      assertThat(third.text("/rate_limit/name")).isEqualTo("burst");
      assertThat(third.text("/rate_limit/reset")).isEqualTo("2026-01-01T00:01:00Z");
      assertThat(retryAfter(third)).isEqualTo("45");
      assertThat(third.json().has("credits_remaining")).isFalse();

      rest.keygate.clock.advance(Duration.ofSeconds(45));
      assertCode(verify(key, ""), "API_KEY_VERIFIED");
    }

    @Test
    void givenAWindowEndingInASplitSecond_retryAfter_isAtLeastOneWholeSecond() {
      RestFixture.Issued key =
          keyWith("\"rate_limits\":[{\"name\":\"burst\",\"limit\":1,\"duration_seconds\":10}]");
      verify(key, "");
      rest.keygate.clock.advance(Duration.ofMillis(9_700));

      RestFixture.Answer refused = verify(key, "");

      assertCode(refused, "API_KEY_RATE_LIMITED");
      assertThat(retryAfter(refused)).isEqualTo("1");
    }

    @Test
    void givenCredits_eachVerificationSpendsItsCost_untilTooFewAreLeft() {
      RestFixture.Issued key =
          keyWith(
              "\"credits\":{\"remaining\":3,\"refill\":{\"amount\":10,\"interval\":\"daily\"}}");

      RestFixture.Answer two = verify(key, "\"cost\":2");
      RestFixture.Answer twoMore = verify(key, "\"cost\":2");
      RestFixture.Answer one = verify(key, "");
      RestFixture.Answer free = verify(key, "\"cost\":0");
      RestFixture.Answer none = verify(key, "");

      assertCode(two, "API_KEY_VERIFIED");
      assertThat(two.json().get("credits_remaining").asLong()).isEqualTo(1);
      assertCode(twoMore, "API_KEY_USAGE_EXCEEDED");
      assertThat(twoMore.text("/message")).isEqualTo("API key has no credits left");
      assertThat(twoMore.json().get("credits_remaining").asLong()).isEqualTo(1);
      assertThat(retryAfter(twoMore)).isNull();
      assertCode(one, "API_KEY_VERIFIED");
      assertThat(one.json().get("credits_remaining").asLong()).isZero();
      assertCode(free, "API_KEY_VERIFIED");
      assertCode(none, "API_KEY_USAGE_EXCEEDED");

      // The daily refill sets the credits to its amount at midnight UTC.
      rest.keygate.clock.advance(Duration.ofDays(1));
      RestFixture.Answer refilled = verify(key, "");
      assertCode(refilled, "API_KEY_VERIFIED");
      assertThat(refilled.json().get("credits_remaining").asLong()).isEqualTo(9);
    }

    @Test
    void givenAnUnmeteredKeyWithoutLimits_theExtendedAnswer_hasNoPolicyFields() {
      RestFixture.Issued key = keyWith("");

      RestFixture.Answer verified = verify(key, "\"cost\":5");

      assertCode(verified, "API_KEY_VERIFIED");
      assertThat(verified.json().has("rate_limit")).isFalse();
      assertThat(verified.json().has("credits_remaining")).isFalse();
    }

    @Test
    void withoutTheOptIn_eachRefusal_answersKindesDeclaredFieldsOnly() {
      RestFixture.Issued limited =
          keyWith(
              """
              "rate_limits":[{"name":"burst","limit":1,"duration_seconds":60}],
              "credits":{"remaining":5}
              """);
      RestFixture.Issued fenced = keyWith("\"ip_allowlist\":[\"203.0.113.0/24\"]");
      String limitedBody = WireJson.write(Map.of("api_key", limited.key()));

      RestFixture.Answer valid = rest.post(VERIFY, limitedBody);
      RestFixture.Answer rateLimited = rest.post(VERIFY, limitedBody);
      RestFixture.Answer elsewhere =
          rest.post(
              VERIFY, WireJson.write(Map.of("api_key", fenced.key(), "client_ip", "198.51.100.1")));

      for (RestFixture.Answer answer : List.of(valid, rateLimited, elsewhere)) {
        assertThat(answer.status()).isEqualTo(200);
        KindeSpec.VERIFY_API_KEY_RESPONSE.assertDeclares(answer.json());
        assertThat(fields(answer.json())).doesNotContain("rate_limit", "credits_remaining");
      }
      assertThat(rateLimited.text("/code")).isEqualTo("API_KEY_RATE_LIMITED");
      assertThat(retryAfter(rateLimited)).isEqualTo("60");
      assertThat(elsewhere.text("/code")).isEqualTo("API_KEY_IP_NOT_ALLOWED");
    }
  }

  @Nested
  class BadInput {

    static Stream<Arguments> badPolicies() {
      return Stream.of(
          Arguments.of(
              "\"rate_limits\":[{\"name\":\"burst\",\"limit\":0,\"duration_seconds\":1}]",
              "rate_limits[0].limit must be 1-1000000000, was 0"),
          Arguments.of(
              "\"rate_limits\":[{\"name\":\"a\",\"limit\":1,\"duration_seconds\":1},"
                  + "{\"name\":\"b\",\"limit\":1,\"duration_seconds\":0}]",
              "rate_limits[1].duration_seconds must be 1-31622400 (366 days), was 0"),
          Arguments.of(
              "\"rate_limits\":[{\"name\":\"no spaces\",\"limit\":1,\"duration_seconds\":1}]",
              "rate_limits[0].name must be 1-64 letters, digits or the characters _ . : -"),
          Arguments.of(
              "\"rate_limits\":[{\"name\":\"burst\",\"duration_seconds\":1}]",
              "rate_limits[0].limit is required"),
          Arguments.of("\"rate_limits\":[null]", "rate_limits[0] must not be null"),
          Arguments.of(
              "\"rate_limits\":[{\"name\":\"burst\",\"limit\":1,\"duration_seconds\":1},"
                  + "{\"name\":\"burst\",\"limit\":5,\"duration_seconds\":60}]",
              "rate_limits: rate limit burst is named twice"),
          Arguments.of(
              "\"credits\":{\"remaining\":-1}",
              "credits.remaining must be 0-1000000000000, was -1"),
          Arguments.of(
              "\"credits\":{\"refill\":{\"amount\":1,\"interval\":\"daily\"}}",
              "credits.remaining is required"),
          Arguments.of(
              "\"credits\":{\"remaining\":1,\"refill\":{\"amount\":1}}",
              "credits.refill.interval is required"),
          Arguments.of(
              "\"credits\":{\"remaining\":1,\"refill\":{\"amount\":1,\"interval\":\"weekly\"}}",
              "credits.refill.interval must be daily, monthly or an ISO-8601 duration such as"
                  + " P7D or PT12H"),
          Arguments.of(
              "\"credits\":{\"remaining\":1,\"refill\":{\"amount\":1,\"interval\":\"PT30S\"}}",
              "credits.refill.interval must be whole seconds from PT1M to P366D, was PT30S"),
          Arguments.of(
              "\"credits\":{\"remaining\":1,\"refill\":{\"amount\":1,\"interval\":\"daily\","
                  + "\"day\":5}}",
              "credits.refill.day applies to monthly refills only"),
          Arguments.of(
              "\"credits\":{\"remaining\":1,\"refill\":{\"amount\":1,\"interval\":\"monthly\","
                  + "\"day\":32}}",
              "credits.refill.day must be 1-31, was 32"),
          Arguments.of(
              "\"credits\":{\"remaining\":1,\"refill\":{\"amount\":0,\"interval\":\"daily\"}}",
              "credits.refill.amount must be 1-1000000000000, was 0"),
          Arguments.of(
              "\"credits\":{\"remaining\":1,\"refill\":{\"amount\":1,\"interval\":\"daily\","
                  + "\"mode\":\"replace\"}}",
              "credits.refill.mode must be set or add"),
          Arguments.of(
              "\"ip_allowlist\":[\"203.0.113.0/24\",\"300.1.1.1\"]",
              "ip_allowlist[1] must be an IPv4 or IPv6 address or CIDR range, such as"
                  + " 203.0.113.0/24 or 2001:db8::/32"),
          Arguments.of(
              "\"ip_allowlist\":[\"10.0.0.0/33\"]",
              "ip_allowlist[0] must be an IPv4 or IPv6 address or CIDR range, such as"
                  + " 203.0.113.0/24 or 2001:db8::/32"),
          Arguments.of(
              "\"ip_allowlist\":[\"db.example.com\"]",
              "ip_allowlist[0] must be an IPv4 or IPv6 address or CIDR range, such as"
                  + " 203.0.113.0/24 or 2001:db8::/32"),
          Arguments.of("\"ip_allowlist\":[null]", "ip_allowlist[0] must not be null"));
    }

    @ParameterizedTest
    @MethodSource("badPolicies")
    void givenABadPolicy_createAndPatch_answer400NamingTheFieldAndChangeNothing(
        String policy, String message) {
      RestFixture.Issued key = keyWith("");
      int keys = rest.keygate.apiKeys.all().size();
      JsonNode before = extendedKey(key.id());

      RestFixture.Answer created = rest.post(KEYS, body("org_code", "org_acme", policy));
      RestFixture.Answer patched = rest.call("PATCH", KEYS + "/" + key.id(), "{" + policy + "}");

      assertError(created, 400, "INVALID_REQUEST");
      assertThat(created.text("/errors/0/message")).isEqualTo(message);
      assertError(patched, 400, "INVALID_REQUEST");
      assertThat(patched.text("/errors/0/message")).isEqualTo(message);
      assertThat(rest.keygate.apiKeys.all()).hasSize(keys);
      assertThat(extendedKey(key.id())).isEqualTo(before);
    }

    @Test
    void givenABadRateLimit_ownerLimitsPut_answers400NamingTheField() {
      RestFixture.Answer answer =
          rest.call(
              "PUT",
              "/api/v1/organizations/org_acme/rate_limits",
              "{\"rate_limits\":[{\"name\":\"daily\",\"limit\":-5,\"duration_seconds\":86400}]}");

      assertError(answer, 400, "INVALID_REQUEST");
      assertThat(answer.text("/errors/0/message"))
          .isEqualTo("rate_limits[0].limit must be 1-1000000000, was -5");
    }

    @Test
    void givenACostOutOfRange_verify_answers400NamingCost() {
      RestFixture.Issued key = keyWith("");

      for (String cost : List.of("-1", "1000000001")) {
        RestFixture.Answer answer = verify(key, "\"cost\":" + cost);

        assertError(answer, 400, "INVALID_REQUEST");
        assertThat(answer.text("/errors/0/message"))
            .isEqualTo("cost must be 0-1000000000, was " + cost);
      }
    }

    @Test
    void givenNothingToChange_patch_namesEveryFieldItTakes() {
      RestFixture.Issued key = keyWith("");

      RestFixture.Answer answer = rest.call("PATCH", KEYS + "/" + key.id(), "{}");

      assertError(answer, 400, "INVALID_REQUEST");
      assertThat(answer.text("/errors/0/message"))
          .isEqualTo(
              "give at least one of name, status, expires_on, rate_limits, credits and"
                  + " ip_allowlist");
    }

    @Test
    void givenABadPeriod_usage_answers400NamingPeriod() {
      RestFixture.Issued key = keyWith("");

      RestFixture.Answer answer = rest.get(KEYS + "/" + key.id() + "/usage?period=7d");

      assertError(answer, 400, "INVALID_REQUEST");
      assertThat(answer.text("/errors/0/message")).isEqualTo("period must be 24h or 30d");
    }
  }

  @Nested
  class TightenOnly {

    private static final String LIMITED =
        """
        "rate_limits":[{"name":"burst","limit":10,"duration_seconds":1}],
        "credits":{"remaining":100},"ip_allowlist":["203.0.113.0/24"]
        """;

    private RestFixture.Answer patch(String keyId, String fields, String bearer) {
      return rest.extended("PATCH", KEYS + "/" + keyId, "{" + fields + "}", bearer);
    }

    @Test
    void theOperator_mayLoosenEveryPartOfAKeysPolicy() {
      RestFixture.Issued key = keyWith(LIMITED);

      RestFixture.Answer loosened =
          patch(key.id(), "\"rate_limits\":[],\"credits\":null,\"ip_allowlist\":[]", rest.rootKey);

      assertThat(loosened.status()).as(loosened.body()).isEqualTo(200);
      assertThat(loosened.text("/message")).isEqualTo("API key updated");
      JsonNode read = extendedKey(key.id());
      assertThat(read.get("rate_limits")).isEmpty();
      assertThat(read.get("ip_allowlist")).isEmpty();
      assertThat(read.has("credits")).isFalse();
      // No longer metered: nothing is spent or counted.
      assertCode(verifyFrom(key, "198.51.100.1"), "API_KEY_VERIFIED");
      assertThat(rest.keygate.credits.remaining(new ApiKeyId(key.id()))).isEmpty();
    }

    @Test
    void aConfinedManagementKey_mayTightenItsOwnersKey_andIsRefusedLooseningIt() {
      RestFixture.Issued key = keyWith(LIMITED);
      String admin = rest.managementKey("org_code", "org_acme").key();

      RestFixture.Answer tightened =
          patch(
              key.id(),
              """
              "rate_limits":[{"name":"burst","limit":5,"duration_seconds":1},
                             {"name":"daily","limit":1000,"duration_seconds":86400}],
              "credits":{"remaining":50},"ip_allowlist":["203.0.113.128/25"]
              """,
              admin);

      assertThat(tightened.status()).as(tightened.body()).isEqualTo(200);
      assertThat(tightened.json().at("/api_key/rate_limits")).hasSize(2);
      assertThat(tightened.text("/api_key/ip_allowlist/0")).isEqualTo("203.0.113.128/25");
      assertThat(tightened.json().at("/api_key/credits/remaining").asLong()).isEqualTo(50);
      JsonNode before = extendedKey(key.id());
      for (String looser :
          List.of(
              "\"rate_limits\":[{\"name\":\"burst\",\"limit\":6,\"duration_seconds\":1},"
                  + "{\"name\":\"daily\",\"limit\":1000,\"duration_seconds\":86400}]",
              "\"rate_limits\":[{\"name\":\"burst\",\"limit\":5,\"duration_seconds\":1}]",
              "\"credits\":null",
              "\"credits\":{\"remaining\":51}",
              "\"credits\":{\"remaining\":10,\"refill\":{\"amount\":10,\"interval\":\"daily\"}}",
              "\"ip_allowlist\":[]",
              "\"ip_allowlist\":[\"203.0.113.0/24\"]")) {
        RestFixture.Answer refused = patch(key.id(), looser, admin);

        assertError(refused, 403, "FORBIDDEN");
        assertThat(refused.text("/errors/0/message"))
            .as(looser)
            .isEqualTo(
                "only the operator may loosen a key's rate limits, credits or allowed"
                    + " addresses; they may be tightened");
      }
      assertThat(extendedKey(key.id())).isEqualTo(before);
    }

    @Test
    void aKey_isRefusedLooseningItsOwnPolicy_evenAnOperatorsKey() {
      String management = rest.managementApiId();
      String scopes =
          WireJson.write(Stream.of(ManagementScope.values()).map(ManagementScope::key).toList());
      String policy =
          ",\"rate_limits\":[{\"name\":\"burst\",\"limit\":1000,\"duration_seconds\":1}]}";
      RestFixture.Issued operatorKey =
          rest.createKey(
              ("{\"name\":\"ops\",\"api_id\":\"%s\",\"scope_ids\":%s,\"org_code\":\"%s\"" + policy)
                  .formatted(management, scopes, Organization.OPERATOR_CODE.value()));
      RestFixture.Issued orgKey =
          rest.createKey(
              ("{\"name\":\"acme\",\"api_id\":\"%s\",\"scope_ids\":%s,\"org_code\":\"org_acme\""
                      + policy)
                  .formatted(management, scopes));

      RestFixture.Answer operatorsOwn =
          patch(operatorKey.id(), "\"rate_limits\":[]", operatorKey.key());
      RestFixture.Answer orgsOwn = patch(orgKey.id(), "\"rate_limits\":[]", orgKey.key());
      RestFixture.Answer tightenedOwn =
          patch(
              orgKey.id(),
              "\"rate_limits\":[{\"name\":\"burst\",\"limit\":500,\"duration_seconds\":1}]",
              orgKey.key());

      assertError(operatorsOwn, 403, "FORBIDDEN");
      assertThat(operatorsOwn.text("/errors/0/message"))
          .isEqualTo("a key cannot loosen its own rate limits, credits or allowed addresses");
      assertError(orgsOwn, 403, "FORBIDDEN");
      assertThat(tightenedOwn.status()).as(tightenedOwn.body()).isEqualTo(200);
      assertThat(extendedKey(operatorKey.id()).at("/rate_limits/0/limit").asLong()).isEqualTo(1000);
      assertThat(extendedKey(orgKey.id()).at("/rate_limits/0/limit").asLong()).isEqualTo(500);
    }
  }

  @Nested
  class OwnerLimits {

    private static final String SHARED =
        "{\"rate_limits\":[{\"name\":\"shared\",\"limit\":2,\"duration_seconds\":60}]}";

    @Test
    void theOperatorSetsThem_theOwnersKeyReadsThem_andEveryKeyOfTheOwnerDrawsFromThem() {
      RestFixture.Issued first = keyWith("");
      RestFixture.Issued second = keyWith("");
      RestFixture.Issued elsewhere = rest.createKey(body("org_code", "org_other", ""));
      String admin = rest.managementKey("org_code", "org_acme").key();

      RestFixture.Answer set =
          rest.call("PUT", "/api/v1/organizations/org_acme/rate_limits", SHARED);
      RestFixture.Answer read =
          rest.call("GET", "/api/v1/organizations/org_acme/rate_limits", null, admin);

      assertThat(set.status()).as(set.body()).isEqualTo(200);
      assertThat(set.json().toString())
          .isEqualTo(
              "{\"code\":\"OK\",\"message\":\"Success\",\"rate_limits\":"
                  + "[{\"name\":\"shared\",\"limit\":2,\"duration_seconds\":60}]}");
      assertThat(read.status()).as(read.body()).isEqualTo(200);
      assertThat(read.json()).isEqualTo(set.json());
      assertThat(extendedKey(first.id()).get("owner_rate_limits").toString())
          .isEqualTo("[{\"name\":\"shared\",\"limit\":2,\"duration_seconds\":60}]");
      // The admin's read was one use of the two: it is a key of the organization too.
      assertCode(verify(first, ""), "API_KEY_VERIFIED");
      RestFixture.Answer over = verify(second, "");
      assertCode(over, "API_KEY_RATE_LIMITED");
      assertThat(over.text("/rate_limit/name")).isEqualTo("shared");
      assertThat(retryAfter(over)).isEqualTo("60");
      assertCode(verify(elsewhere, ""), "API_KEY_VERIFIED");
      RestFixture.Answer adminOver =
          rest.call("GET", "/api/v1/organizations/org_acme/rate_limits", null, admin);
      assertError(adminOver, 429, "TOO_MANY_REQUESTS");
      assertThat(retryAfter(adminOver)).isEqualTo("60");

      RestFixture.Answer cleared =
          rest.call("PUT", "/api/v1/organizations/org_acme/rate_limits", "{\"rate_limits\":[]}");
      assertThat(cleared.json().get("rate_limits")).isEmpty();
      assertCode(verify(first, ""), "API_KEY_VERIFIED");
    }

    @Test
    void aConfinedKey_isRefusedSettingThem_andCannotReadAnotherOwnersOnes() {
      String admin = rest.managementKey("org_code", "org_acme").key();
      String user = rest.managementKey("user_id", "kp_alice").key();

      RestFixture.Answer own =
          rest.call("PUT", "/api/v1/organizations/org_acme/rate_limits", SHARED, admin);
      RestFixture.Answer users =
          rest.call("PUT", "/api/v1/users/kp_alice/rate_limits", SHARED, user);
      RestFixture.Answer other =
          rest.call("GET", "/api/v1/organizations/org_other/rate_limits", null, admin);
      RestFixture.Answer unknown =
          rest.call("PUT", "/api/v1/organizations/org_nobody/rate_limits", SHARED);

      for (RestFixture.Answer refused : List.of(own, users)) {
        assertError(refused, 403, "FORBIDDEN");
        assertThat(refused.text("/errors/0/message")).isEqualTo("only the operator may do this");
      }
      assertError(other, 404, "NOT_FOUND");
      assertError(unknown, 404, "NOT_FOUND");
      assertThat(rest.get("/api/v1/organizations/org_acme/rate_limits").json().get("rate_limits"))
          .isEmpty();
      assertThat(rest.call("GET", "/api/v1/users/kp_alice/rate_limits", null, user).status())
          .isEqualTo(200);
    }
  }

  @Nested
  class Usage {

    @Test
    void aKeysLast24Hours_are24HourlyBucketsOldestFirst_countingEachOutcome() {
      RestFixture.Issued key =
          keyWith("\"rate_limits\":[{\"name\":\"burst\",\"limit\":2,\"duration_seconds\":60}]");
      rest.keygate.clock.advance(Duration.ofMinutes(90));
      verify(key, "");
      verify(key, "");
      verify(key, "");

      RestFixture.Answer usage = rest.get(KEYS + "/" + key.id() + "/usage");

      assertThat(usage.status()).as(usage.body()).isEqualTo(200);
      assertThat(usage.text("/code")).isEqualTo("OK");
      assertThat(usage.text("/period")).isEqualTo("24h");
      assertThat(usage.text("/granularity")).isEqualTo("hour");
      JsonNode buckets = usage.json().get("buckets");
      assertThat(buckets).hasSize(24);
      assertThat(buckets.get(0).get("start").asText()).isEqualTo("2025-12-31T02:00:00Z");
      assertThat(buckets.get(23).get("start").asText()).isEqualTo("2026-01-01T01:00:00Z");
      assertThat(buckets.get(23).get("counts").toString())
          .isEqualTo("{\"API_KEY_RATE_LIMITED\":1,\"API_KEY_VERIFIED\":2}");
      List<String> empty = new ArrayList<>();
      for (int i = 0; i < 23; i++) {
        empty.add(buckets.get(i).get("counts").toString());
      }
      assertThat(empty).containsOnly("{}");
    }

    @Test
    void anOwnersLast30Days_are30DailyBuckets_summingItsKeys() {
      RestFixture.Issued first = keyWith("");
      RestFixture.Issued second = keyWith("\"ip_allowlist\":[\"203.0.113.0/24\"]");
      RestFixture.Issued alices = rest.createKey(body("user_id", "kp_alice", ""));
      verify(first, "");
      rest.keygate.clock.advance(Duration.ofDays(1));
      verify(first, "");
      verify(second, "");
      verify(alices, "");

      RestFixture.Answer acme = rest.get("/api/v1/organizations/org_acme/usage?period=30d");
      RestFixture.Answer alice = rest.get("/api/v1/users/kp_alice/usage?period=30d");

      assertThat(acme.status()).as(acme.body()).isEqualTo(200);
      assertThat(acme.text("/period")).isEqualTo("30d");
      assertThat(acme.text("/granularity")).isEqualTo("day");
      JsonNode days = acme.json().get("buckets");
      assertThat(days).hasSize(30);
      assertThat(days.get(0).get("start").asText()).isEqualTo("2025-12-04T00:00:00Z");
      assertThat(days.get(28).get("counts").toString()).isEqualTo("{\"API_KEY_VERIFIED\":1}");
      assertThat(days.get(29).get("start").asText()).isEqualTo("2026-01-02T00:00:00Z");
      assertThat(days.get(29).get("counts").toString())
          .isEqualTo("{\"API_KEY_IP_NOT_ALLOWED\":1,\"API_KEY_VERIFIED\":1}");
      assertThat(alice.json().at("/buckets/29/counts").toString())
          .isEqualTo("{\"API_KEY_VERIFIED\":1}");
    }

    @Test
    void anOwnersKey_readsItsOwnersUsage_andNotAnotherOwnersOrKey() {
      RestFixture.Issued other = rest.createKey(body("org_code", "org_other", ""));
      String admin = rest.managementKey("org_code", "org_acme").key();

      RestFixture.Answer own =
          rest.call("GET", "/api/v1/organizations/org_acme/usage", null, admin);
      RestFixture.Answer otherOrg =
          rest.call("GET", "/api/v1/organizations/org_other/usage", null, admin);
      RestFixture.Answer otherKey =
          rest.call("GET", KEYS + "/" + other.id() + "/usage", null, admin);

      assertThat(own.status()).as(own.body()).isEqualTo(200);
      assertThat(own.json().get("buckets")).hasSize(24);
      assertError(otherOrg, 404, "NOT_FOUND");
      assertError(otherKey, 404, "NOT_FOUND");
    }
  }
}
