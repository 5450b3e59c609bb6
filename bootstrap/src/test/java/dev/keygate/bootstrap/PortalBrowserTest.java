package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The self-service portal in headless Chromium against {@code keygate serve}: opened from a portal
 * link made over the API or by {@code keygate portal-link}, it shows and manages the keys of its
 * one owner, and the key it carries reaches no other owner's keys, in the page or over the API; the
 * customer sees a key's limits, credits and verifications and may tighten them, never loosen them.
 */
@ExtendWith(ChromiumInstalled.class)
class PortalBrowserTest {

  @TempDir Path directory;

  private Deployment deployment;
  private ServingKeygate keygate;
  private Browser browser;
  private String rootKey;
  private String base;
  private String keyOfA;
  private String tokenOfA;
  private String keyOfB;

  @BeforeEach
  void twoOrganizationsWithAKeyEach() {
    deployment = Deployment.prepare(directory);
    keygate = ServingKeygate.serve(directory);
    rootKey = keygate.printedTokens().get(0);
    base = "http://127.0.0.1:" + keygate.server().port();
    keygate
        .post("/api/v1/organization", "{\"name\":\"Globex\",\"code\":\"org_globex\"}", rootKey)
        .hasStatus(200);
    ServingKeygate.Answer madeForA =
        keygate
            .post(
                "/api/v1/api_keys", deployment.orgKeyRequest("Acme billing", "read:users"), rootKey)
            .hasStatus(201);
    keyOfA = madeForA.text("/api_key/id");
    tokenOfA = madeForA.text("/api_key/key");
    keyOfB =
        keygate
            .post(
                "/api/v1/api_keys",
                deployment
                    .orgKeyRequest("Globex secret", "read:users")
                    .replace("\"org_code\":\"org_acme\"", "\"org_code\":\"org_globex\""),
                rootKey)
            .hasStatus(201)
            .text("/api_key/id");
  }

  @AfterEach
  void closeBoth() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      keygate.close();
    }
  }

  @Test
  void customer_managesOnlyTheirOwnKeys_andReachesNoOneElses() {
    browser = new Browser("portal");
    ServingKeygate.Answer link =
        keygate.post("/api/v1/portal_links", "{\"org_code\":\"org_acme\"}", rootKey).hasStatus(200);
    String url = link.text("/url");
    assertThat(url).startsWith(base + "/portal#k_live_");
    String portalKey = url.substring(url.indexOf('#') + 1);

    browser.open(url);
    // Named as the customer knows it; its code only beside
    browser.waitForText(By.id("owner-title"), "Acme");
    assertThat(browser.find(By.id("owner-title")).getText()).isEqualTo("Acme");
    assertThat(browser.find(By.id("owner-code")).getText()).isEqualTo("Organization org_acme");
    browser.keyRow("Acme billing");
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(base + "/portal");
    assertThat(browser.script("return sessionStorage.getItem('keygate.portal.key')"))
        .isEqualTo(portalKey);
    assertThat(browser.find(By.id("session-ends")).getText())
        .contains(link.text("/expires_on").substring(0, 16).replace('T', ' '));
    assertThat(browser.find(By.id("view")).getText())
        .doesNotContain("Globex")
        .doesNotContain("Portal link");
    browser.screenshot("opened-from-link");

    browser.click(By.id("add-key"));
    assertThat(browser.find(By.id("key-api")).getText()).doesNotContain("management");
    browser.type(By.id("key-name"), "Acme CI");
    browser.choose(By.id("key-api"), "Users API (https://users.example.com)");
    browser.click(By.cssSelector("#key-scopes input[value='read:users']"));
    // Only what the operator granted Acme is offered: write:users is defined, but not granted.
    assertThat(browser.all(By.cssSelector("#key-scopes input[value='write:users']"))).isEmpty();
    browser.screenshot("add-key");
    browser.click(By.id("save-key"));
    String issued = browser.find(By.id("issued-key-value")).getText();
    assertThat(issued).matches(Cli.TOKEN.pattern());
    assertThat(browser.find(By.id("issued-key")).getText()).contains("you won't see it again");
    browser.screenshot("key-shown-once");
    browser.click(By.id("issued-done"));

    browser.clickKeyAction("Acme CI", "rotate");
    browser.click(By.id("confirm-yes"));
    String rotated = browser.find(By.id("issued-key-value")).getText();
    assertThat(rotated).matches(Cli.TOKEN.pattern()).isNotEqualTo(issued);
    browser.click(By.id("issued-done"));
    browser.clickKeyAction("Acme CI", "revoke");
    browser.click(By.id("confirm-yes"));
    browser.waitForStatus("Acme CI", "revoked");
    browser.screenshot("rotated-then-revoked");
    assertThat(verify(rotated)).isEqualTo("API_KEY_REVOKED");

    // From inside the page, with the key the page holds: Globex's key is not there.
    @SuppressWarnings("unchecked")
    Map<String, Object> fromPage =
        (Map<String, Object>)
            browser.asyncScript(
                """
                const done = arguments[arguments.length - 1];
                const id = arguments[0];
                const auth = {Authorization: "Bearer " + sessionStorage.getItem("keygate.portal.key"),
                              "Content-Type": "application/json"};
                const status = (method, path, body) =>
                  fetch("/api/v1" + path, {method, headers: auth, body}).then(r => r.status);
                Promise.all([
                  status("GET", "/api_keys/" + id),
                  status("PUT", "/api_keys/" + id),
                  status("PATCH", "/api_keys/" + id, JSON.stringify({status: "inactive"})),
                  status("DELETE", "/api_keys/" + id),
                  status("POST", "/api_keys", JSON.stringify({name: "x", api_id: arguments[1],
                         org_code: "org_globex"})),
                  fetch("/api/v1/api_keys?org_code=org_globex", {headers: auth}).then(r => r.json()),
                ]).then(([get, put, patch, del, post, listed]) =>
                  done({get, put, patch, del, post, listed: listed.api_keys.length}));
                """,
                keyOfB,
                deployment.apiId());
    assertThat(fromPage)
        .containsEntry("get", 404L)
        .containsEntry("put", 404L)
        .containsEntry("patch", 404L)
        .containsEntry("del", 404L)
        .containsEntry("post", 404L)
        .containsEntry("listed", 0L);

    // And over the API with the same key as Bearer.
    String b = "/api/v1/api_keys/" + keyOfB;
    assertThat(keygate.get(b, portalKey).status()).isEqualTo(404);
    assertThat(keygate.send("PUT", b, null, portalKey).status()).isEqualTo(404);
    assertThat(keygate.send("DELETE", b, null, portalKey).status()).isEqualTo(404);
    assertThat(
            keygate
                .post(
                    "/api/v1/api_keys",
                    deployment
                        .orgKeyRequest("sneaky", "read:users")
                        .replace("org_acme", "org_globex"),
                    portalKey)
                .status())
        .isEqualTo(404);
    assertThat(
            keygate
                .post("/api/v1/portal_links", "{\"org_code\":\"org_globex\"}", portalKey)
                .status())
        .isEqualTo(403);
    List<String> listed = ids(keygate.get("/api/v1/api_keys", portalKey).hasStatus(200).json());
    assertThat(listed).contains(keyOfA).doesNotContain(keyOfB);
    assertThat(keygate.get(b, rootKey).json().at("/api_key/status").asText()).isEqualTo("active");

    browser.click(By.id("sign-out"));
    browser.find(By.id("signed-out"));
    assertThat(browser.script("return sessionStorage.getItem('keygate.portal.key')")).isNull();
    browser.screenshot("signed-out");
  }

  @Test
  void linkFromTheCommandLine_opensTheUsersPortal_andABadLinkSaysWhy() {
    browser = new Browser("portal-cli-link");
    Cli.Result made =
        Cli.run(
            Cli.environment(directory),
            directory,
            "portal-link",
            "--user",
            deployment.userId(),
            "--base-url",
            base);
    assertThat(made.code()).as(made.err()).isZero();
    String url =
        made.out().lines().map(String::strip).filter(l -> l.startsWith("http")).findFirst().get();

    browser.open(url);
    browser.waitForText(By.id("owner-title"), "Alice");
    browser.find(By.id("no-keys"));
    browser.screenshot("user-portal-from-cli-link");

    browser.open(base + "/portal#k_live_thisIsNotAKey");
    assertThat(browser.error()).contains("expired or is no longer valid");
    assertThat(browser.find(By.id("signed-out")).getText()).contains("Portal closed");
    assertThat(browser.driver().findElement(By.id("sign-out")).isDisplayed()).isFalse();
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(base + "/portal");
    browser.screenshot("bad-link");
  }

  @Test
  void customer_seesTheirKeysLimitsCreditsAndVerifications_andMayTightenButNeverLoosenThem() {
    browser = new Browser("portal-policy");
    keygate
        .sendExtended(
            "PATCH",
            "/api/v1/api_keys/" + keyOfA,
            "{\"rate_limits\":[{\"name\":\"burst\",\"limit\":10,\"duration_seconds\":1}],"
                + "\"credits\":{\"remaining\":100,\"refill\":{\"amount\":100,\"interval\":\"daily\"}},"
                + "\"ip_allowlist\":[\"203.0.113.0/24\"]}",
            rootKey)
        .hasStatus(200);
    assertThat(verifyFrom("203.0.113.7")).isEqualTo("API_KEY_VERIFIED");
    assertThat(verifyFrom("203.0.113.8")).isEqualTo("API_KEY_VERIFIED");
    assertThat(verifyFrom("198.51.100.1")).isEqualTo("API_KEY_IP_NOT_ALLOWED");
    String usage = "/api/v1/api_keys/" + keyOfA + "/usage";
    FeedWaits.awaitTrue(
        () -> keygate.get(usage, rootKey).body().contains("API_KEY_IP_NOT_ALLOWED\":1"));
    String link = keygate.portalLink("org_acme", rootKey);

    browser.open(link);
    assertThat(browser.keyRow("Acme billing").findElement(By.cssSelector(".key-policy")).getText())
        .isEqualTo("burst: 10 per second · 98 credits left · from 203.0.113.0/24");
    browser.clickKeyAction("Acme billing", "details");
    browser.waitForText(By.id("policy-limits"), "burst: 10 per second");
    assertThat(browser.find(By.id("policy-credits")).getText())
        .isEqualTo("98 left · refilled to 100 every day (UTC)");
    assertThat(browser.find(By.id("policy-addresses")).getText()).isEqualTo("203.0.113.0/24");
    assertThat(browser.find(By.id("policy-note")).getText()).contains("You may tighten these");
    String day = "#key-detail figure[data-period='24h']";
    assertThat(browser.find(By.cssSelector(day)).getAttribute("data-total")).isEqualTo("3");
    assertThat(browser.find(By.cssSelector(day + " .chart-legend")).getText())
        .contains("valid 2", "address not allowed 1");
    assertThat(browser.lastBar("#key-detail figure[data-period='30d']"))
        .containsExactly(
            Map.entry("API_KEY_VERIFIED", "2"), Map.entry("API_KEY_IP_NOT_ALLOWED", "1"));
    browser.screenshot("limits-credits-and-verifications");

    // Tightened, each through its own form: a lower limit, fewer credits, a narrower range.
    browser.type(By.id("key-limit-count-1"), "5");
    browser.click(By.id("key-limits-form-save"));
    browser.waitForText(By.id("policy-limits"), "burst: 5 per second");
    browser.type(By.id("key-remaining"), "50");
    browser.click(By.id("key-credits-form-save"));
    browser.waitForText(By.id("policy-credits"), "50 left");
    browser.type(By.id("key-addresses"), "203.0.113.0/28");
    browser.click(By.id("key-addresses-form-save"));
    browser.waitForText(By.id("notice"), "Saved the allowed addresses of Acme billing.");
    assertThat(browser.find(By.id("policy-addresses")).getText()).isEqualTo("203.0.113.0/28");
    JsonNode tightened = keygate.getExtended("/api/v1/api_keys/" + keyOfA, rootKey).json();
    assertThat(tightened.at("/api_key/rate_limits/0/limit").asLong()).isEqualTo(5);
    assertThat(tightened.at("/api_key/credits/remaining").asLong()).isEqualTo(50);
    assertThat(tightened.at("/api_key/ip_allowlist").toString()).isEqualTo("[\"203.0.113.0/28\"]");
    assertThat(verifyFrom("203.0.113.20")).isEqualTo("API_KEY_IP_NOT_ALLOWED");
    browser.screenshot("tightened");

    // Loosened: refused, in the server's words, and nothing changes.
    browser.type(By.id("key-limit-count-1"), "50");
    browser.click(By.id("key-limits-form-save"));
    assertThat(browser.error()).contains("only the operator may loosen");
    assertThat(browser.find(By.id("key-limits-form-error")).getText())
        .as("repeated beside the button")
        .isEqualTo(browser.error());
    browser.screenshot("loosening-refused");
    browser.click(By.id("key-metered"));
    browser.click(By.id("key-credits-form-save"));
    browser.waitForText(By.id("error"), "only the operator may loosen");
    browser.type(By.id("key-addresses"), "");
    browser.click(By.id("key-addresses-form-save"));
    browser.waitForText(By.id("error"), "only the operator may loosen");
    JsonNode after = keygate.getExtended("/api/v1/api_keys/" + keyOfA, rootKey).json();
    assertThat(after.at("/api_key/rate_limits/0/limit").asLong()).isEqualTo(5);
    assertThat(after.at("/api_key/credits/remaining").asLong()).isEqualTo(50);
    assertThat(after.at("/api_key/ip_allowlist").toString()).isEqualTo("[\"203.0.113.0/28\"]");
    assertThat(browser.find(By.id("policy-limits")).getText()).isEqualTo("burst: 5 per second");
  }

  private static List<String> ids(JsonNode listed) {
    List<String> ids = new ArrayList<>();
    listed.get("api_keys").forEach(key -> ids.add(key.get("id").asText()));
    return ids;
  }

  /** Verifies Acme billing's key as if called from {@code clientIp}. */
  private String verifyFrom(String clientIp) {
    return keygate
        .post(
            "/api/v1/api_keys/verify",
            "{\"api_key\":\"" + tokenOfA + "\",\"client_ip\":\"" + clientIp + "\"}",
            rootKey)
        .hasStatus(200)
        .text("/code");
  }

  private String verify(String token) {
    return keygate
        .post("/api/v1/api_keys/verify", "{\"api_key\":\"" + token + "\"}", rootKey)
        .hasStatus(200)
        .text("/code");
  }
}
