package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/portal_links}: who may make one, and what the key inside the link can reach:
 * its owner's keys and nothing else.
 */
class PortalLinkRoutesTest {

  private static final String LINKS = "/api/v1/portal_links";

  private final RestFixture rest = new RestFixture();
  private Api api;
  private RestFixture.Issued keyOfA;
  private RestFixture.Issued keyOfB;

  @BeforeEach
  void setUp() {
    api = rest.keygate.registerApi("https://users.example.com");
    rest.keygate.addScope(api, "read:users");
    rest.keygate.createOrganization("org_a");
    rest.keygate.createOrganization("org_b");
    rest.keygate.createUser("kp_alice");
    rest.keygate.grant(new Owner.Org(new OrgCode("org_a")), api, "read:users");
    rest.keygate.grant(new Owner.Org(new OrgCode("org_b")), api, "read:users");
    keyOfA = rest.createKey(create("org_a"));
    keyOfB = rest.createKey(create("org_b"));
  }

  @AfterEach
  void stop() {
    rest.close();
  }

  private String create(String orgCode) {
    return "{\"name\":\"key of %s\",\"api_id\":\"%s\",\"scope_ids\":[\"read:users\"],\"org_code\":\"%s\"}"
        .formatted(orgCode, api.id(), orgCode);
  }

  private String portalKeyOf(RestFixture.Answer link) {
    String url = link.text("/url");
    return url.substring(url.indexOf('#') + 1);
  }

  @Test
  void operator_makesALinkToThePortal_carryingTheKeyInTheFragment_for15Minutes() {
    Instant now = rest.keygate.clock.instant();
    RestFixture.Answer link = rest.post(LINKS, "{\"org_code\":\"org_a\"}");

    assertThat(link.status()).isEqualTo(200);
    assertThat(link.text("/code")).isEqualTo("OK");
    assertThat(link.text("/url")).matches("http://127\\.0\\.0\\.1:\\d+/portal#k_live_\\w{61}");
    Instant expires = Instant.parse(link.text("/expires_on"));
    assertThat(expires).isEqualTo(now.plus(Duration.ofMinutes(15)));
  }

  @Test
  void maker_choosesHowLongTheLinkWorks_withinADay_andAnythingElseIsRefusedNamingTheField() {
    Instant now = rest.keygate.clock.instant();
    RestFixture.Answer link =
        rest.post(LINKS, "{\"org_code\":\"org_a\",\"expires_in_seconds\":3600}");

    assertThat(link.status()).isEqualTo(200);
    assertThat(Instant.parse(link.text("/expires_on"))).isEqualTo(now.plus(Duration.ofHours(1)));
    for (String seconds : List.of("0", "-5", "86401")) {
      RestFixture.Answer refused =
          rest.post(LINKS, "{\"org_code\":\"org_a\",\"expires_in_seconds\":" + seconds + "}");
      assertThat(refused.status()).as(seconds).isEqualTo(400);
      assertThat(refused.text("/errors/0/message"))
          .isEqualTo("expires_in_seconds must be 1-86400, was " + seconds);
    }
  }

  @Test
  void givenAnotherHostOrForwardedHost_theLinkIsOnTheConfiguredBase_neverOnTheRequestsHost()
      throws Exception {
    // Whoever can make a link and send it on could otherwise point the customer at a look-alike
    // server, which would receive the key as soon as the page there reads its fragment.
    RawHttp raw = new RawHttp(rest.server().port());
    byte[] body = "{\"org_code\":\"org_a\"}".getBytes(StandardCharsets.UTF_8);
    for (List<Map.Entry<String, byte[]>> hostile :
        List.of(
            List.of(RawHttp.header("Host", "evil.example")),
            List.of(
                RawHttp.header("X-Forwarded-Host", "evil.example"),
                RawHttp.header("X-Forwarded-Proto", "https"),
                RawHttp.header("Forwarded", "host=evil.example;proto=https")))) {
      List<Map.Entry<String, byte[]>> headers = new ArrayList<>(hostile);
      headers.add(RawHttp.header("Authorization", "Bearer " + rest.rootKey));
      headers.add(RawHttp.header("Content-Type", "application/json"));

      RawHttp.Response link = raw.send(new RawHttp.Request("POST", LINKS, headers, body, false));

      assertThat(link.status()).as(link.body()).isEqualTo(200);
      assertThat(WireJson.mapper().readTree(link.body()).at("/url").asText())
          .startsWith(rest.base() + "/portal#k_live_")
          .doesNotContain("evil");
    }
  }

  @Test
  void portalKey_cannotMintAManagementKeyThatOutlivesTheLink() {
    RestFixture.Answer link = rest.post(LINKS, "{\"org_code\":\"org_a\"}");
    String portal = portalKeyOf(link);
    String management = rest.managementApiId();
    String lasting =
        "{\"name\":\"lasting\",\"api_id\":\"%s\",\"scope_ids\":[\"read:api_keys\"],\"org_code\":\"org_a\"%s}";

    RestFixture.Answer unbounded =
        rest.call("POST", "/api/v1/api_keys", lasting.formatted(management, ""), portal);
    RestFixture.Answer longer =
        rest.call(
            "POST",
            "/api/v1/api_keys",
            lasting.formatted(management, ",\"expires_on\":\"2099-01-01T00:00:00Z\""),
            portal);

    assertThat(unbounded.status()).as(unbounded.body()).isEqualTo(201);
    String minted = unbounded.text("/api_key/id");
    assertThat(rest.getExtended("/api/v1/api_keys/" + minted).text("/api_key/expires_on"))
        .isEqualTo(link.text("/expires_on"));
    assertThat(longer.status()).isEqualTo(403);
  }

  @Test
  void portalKeyOfOrgA_reachesOnlyOrgAsKeys() {
    String portal = portalKeyOf(rest.post(LINKS, "{\"org_code\":\"org_a\"}"));

    JsonNode listed = rest.call("GET", "/api/v1/api_keys", null, portal).json();
    List<String> ids = new ArrayList<>();
    listed.get("api_keys").forEach(key -> ids.add(key.get("id").asText()));
    assertThat(ids).contains(keyOfA.id()).doesNotContain(keyOfB.id());
    JsonNode askedForB = rest.call("GET", "/api/v1/api_keys?org_code=org_b", null, portal).json();
    assertThat(askedForB.get("api_keys")).isEmpty();

    String b = "/api/v1/api_keys/" + keyOfB.id();
    assertThat(rest.call("GET", b, null, portal).status()).isEqualTo(404);
    assertThat(rest.call("PUT", b, null, portal).status()).isEqualTo(404);
    assertThat(rest.call("PATCH", b, "{\"status\":\"inactive\"}", portal).status()).isEqualTo(404);
    assertThat(rest.call("DELETE", b, null, portal).status()).isEqualTo(404);
    assertThat(rest.call("POST", "/api/v1/api_keys", create("org_b"), portal).status())
        .isEqualTo(404);
    assertThat(rest.call("GET", b, null).json().at("/api_key/status").asText()).isEqualTo("active");

    RestFixture.Answer own = rest.call("POST", "/api/v1/api_keys", create("org_a"), portal);
    assertThat(own.status()).isEqualTo(201);
    String ownId = own.text("/api_key/id");
    assertThat(rest.call("PUT", "/api/v1/api_keys/" + ownId, null, portal).status()).isEqualTo(201);
    assertThat(rest.call("DELETE", "/api/v1/api_keys/" + ownId, null, portal).status())
        .isEqualTo(200);
  }

  @Test
  void portalLinksKey_isNeverListed_yetThePortalReadsItWithItsOwnersName() {
    String portal = portalKeyOf(rest.post(LINKS, "{\"org_code\":\"org_a\"}"));
    String linkKeyId =
        rest.post("/api/v1/api_keys/verify", "{\"api_key\":\"" + portal + "\"}").text("/key_id");

    for (RestFixture.Answer listed :
        List.of(
            rest.getExtended("/api/v1/api_keys"),
            rest.getExtended("/api/v1/api_keys?org_code=org_a&search=portal"),
            rest.extended("GET", "/api/v1/api_keys", null, portal))) {
      assertThat(listed.status()).as(listed.body()).isEqualTo(200);
      assertThat(listed.body()).doesNotContain(linkKeyId);
    }
    RestFixture.Answer own = rest.extended("GET", "/api/v1/api_keys/" + linkKeyId, null, portal);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.text("/api_key/owner_name")).isEqualTo("Org org_a");
    assertThat(own.text("/api_key/org_code")).isEqualTo("org_a");
    RestFixture.Answer kindes = rest.call("GET", "/api/v1/api_keys/" + linkKeyId, null, portal);
    assertThat(kindes.json().get("api_key").has("owner_name")).isFalse();
  }

  @Test
  void expiredPortalLinksKey_isSweptAway_itsAuditEventsStay_andItNeverVerifiesAgain() {
    String portal = portalKeyOf(rest.post(LINKS, "{\"user_id\":\"kp_alice\"}"));
    String verify = "{\"api_key\":\"" + portal + "\"}";
    String linkKeyId = rest.post("/api/v1/api_keys/verify", verify).text("/key_id");

    assertThat(rest.keygate.services.sweepPortalLinks().sweep()).isZero();
    rest.keygate.clock.advance(Duration.ofMinutes(15));
    assertThat(rest.post("/api/v1/api_keys/verify", verify).json().get("is_valid").asBoolean())
        .isFalse();
    assertThat(rest.keygate.services.sweepPortalLinks().sweep()).isZero();
    rest.keygate.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    assertThat(rest.keygate.services.sweepPortalLinks().sweep()).isEqualTo(1);

    assertThat(rest.get("/api/v1/api_keys/" + linkKeyId).status()).isEqualTo(404);
    RestFixture.Answer after = rest.post("/api/v1/api_keys/verify", verify);
    assertThat(after.json().get("is_valid").asBoolean()).as(after.body()).isFalse();
    assertThat(rest.keygate.services.sweepPortalLinks().sweep()).isZero();
    RestFixture.Answer trail =
        rest.get("/api/v1/audit_events?key_id=" + linkKeyId + "&page_size=500");
    List<String> actions = new ArrayList<>();
    trail.json().get("audit_events").forEach(event -> actions.add(event.get("action").asText()));
    assertThat(actions).contains("portal_link_create").endsWith("portal_link_delete");
    assertThat(rest.get("/api/v1/api_keys/" + keyOfA.id()).status()).isEqualTo(200);
  }

  @Test
  void portalKey_cannotMakeLinks_norReachOrganizationsOrUsers() {
    String portal = portalKeyOf(rest.post(LINKS, "{\"user_id\":\"kp_alice\"}"));

    assertThat(rest.call("POST", LINKS, "{\"user_id\":\"kp_alice\"}", portal).status())
        .isEqualTo(403);
    assertThat(rest.call("GET", "/api/v1/organizations", null, portal).status()).isEqualTo(403);
    assertThat(rest.call("GET", "/api/v1/users", null, portal).status()).isEqualTo(403);
    assertThat(rest.call("GET", "/api/v1/apis", null, portal).status()).isEqualTo(200);
  }

  @Test
  void orgAdmin_makesLinksForItsOwnOrganizationOnly() {
    String adminOfA = rest.managementKey("org_code", "org_a").key();

    assertThat(rest.call("POST", LINKS, "{\"org_code\":\"org_a\"}", adminOfA).status())
        .isEqualTo(200);
    RestFixture.Answer other = rest.call("POST", LINKS, "{\"org_code\":\"org_b\"}", adminOfA);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.text("/errors/message")).isEqualTo("organization org_b not found");
  }

  @Test
  void orgAdmin_choosesALifetimeWithinTheConfiguredOneOnly() {
    // The operator's setting bounds the links a customer's own keys make; only the operator's
    // own callers choose up to a day.
    String adminOfA = rest.managementKey("org_code", "org_a").key();

    RestFixture.Answer shorter =
        rest.call("POST", LINKS, "{\"org_code\":\"org_a\",\"expires_in_seconds\":600}", adminOfA);
    assertThat(shorter.status()).isEqualTo(200);
    RestFixture.Answer longer =
        rest.call("POST", LINKS, "{\"org_code\":\"org_a\",\"expires_in_seconds\":3600}", adminOfA);
    assertThat(longer.status()).isEqualTo(400);
    assertThat(longer.text("/errors/0/message"))
        .isEqualTo(
            "expires_in_seconds must be 1-900 (KEYGATE_PORTAL_LINK_TTL) for a caller confined to"
                + " an organization or user, was 3600");
  }

  @Test
  void badBodies_areRefusedSayingWhy() {
    assertThat(rest.post(LINKS, "{}").text("/errors/0/message"))
        .isEqualTo("one of org_code and user_id is required");
    assertThat(rest.post(LINKS, "{\"org_code\":\"org_a\",\"user_id\":\"kp_alice\"}").status())
        .isEqualTo(400);
    assertThat(rest.post(LINKS, "{\"org_code\":\"org_nobody\"}").status()).isEqualTo(404);
  }
}
