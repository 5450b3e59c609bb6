package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The operator's console in headless Chromium against {@code keygate serve} on an H2 file: sign in
 * with the root key, register an API with scopes, add an organization and a user, and issue,
 * filter, disable, enable, rotate and revoke their keys; set a key's rate limit and an
 * organization's shared limits and see its verifications charted; add an M2M application, authorize
 * it and rotate its secret; add a webhook, follow its delivery log and redeliver from it; every
 * step through the page as a person does it.
 */
@ExtendWith(ChromiumInstalled.class)
class ConsoleBrowserTest {

  /** The applications list, once loaded. */
  private static final By LOADED = By.cssSelector("#applications-table:not([aria-busy])");

  /** The webhooks list, once loaded. */
  private static final By WEBHOOKS_LOADED = By.cssSelector("#webhooks-table:not([aria-busy])");

  @TempDir Path directory;

  private ServingKeygate keygate;
  private Browser browser;
  private String rootKey;
  private String base;

  @BeforeEach
  void serveAndOpenABrowser(TestInfo test) {
    keygate = ServingKeygate.serve(directory);
    rootKey = keygate.printedTokens().get(0);
    base = "http://127.0.0.1:" + keygate.server().port();
    // Each test its own screenshots folder, since a Browser empties its folder when it opens.
    String name = test.getTestMethod().orElseThrow().getName();
    browser =
        new Browser(
            name.contains("Application")
                ? "console-applications"
                : name.contains("Policy")
                    ? "console-policy"
                    : name.contains("Webhook")
                        ? "console-webhooks"
                        : name.contains("Tour") ? "console-tour" : "console");
  }

  @AfterEach
  void closeBoth() {
    try {
      browser.close();
    } finally {
      keygate.close();
    }
  }

  @Test
  void operator_managesApisOwnersAndKeys_fromTheConsole() {
    browser.open(base + "/console");
    browser.find(By.id("management-key"));
    assertThat(browser.driver().findElement(By.id("nav")).isDisplayed()).isFalse();
    browser.screenshot("sign-in");

    browser.type(By.id("management-key"), "k_live_not_a_real_key");
    browser.find(By.id("management-key")).sendKeys(Keys.ENTER);
    assertThat(browser.error()).contains("the bearer management key is not valid");
    browser.screenshot("wrong-key-refused");

    browser.type(By.id("management-key"), rootKey);
    browser.find(By.id("management-key")).sendKeys(Keys.ENTER);
    browser.find(By.id("orgs-title"));
    assertThat(browser.script("return sessionStorage.getItem('keygate.console.key')"))
        .isEqualTo(rootKey);
    assertThat(browser.driver().getCurrentUrl()).doesNotContain("k_live");
    browser.screenshot("organizations");

    // APIs and scopes
    browser.click(By.id("nav-apis"));
    browser.type(By.id("api-name"), "Users API");
    browser.type(By.id("api-audience"), "https://users.example.com");
    browser.click(By.id("save-api"));
    browser.click(By.cssSelector("button[aria-label='Open API Users API']"));
    browser.type(By.id("scope-key"), "read:users");
    browser.type(By.id("scope-description"), "Read users");
    browser.click(By.id("save-scope"));
    browser.waitForText(By.id("notice"), "Added scope read:users.");
    browser.type(By.id("scope-key"), "write:users");
    browser.click(By.id("save-scope"));
    browser.waitForText(By.id("scopes"), "write:users");
    browser.type(By.id("scope-key"), "write:users");
    browser.click(By.id("save-scope"));
    assertThat(browser.error()).contains("already has a scope 'write:users'");
    browser.screenshot("api-with-scopes-and-an-error");

    // An organization and its keys
    browser.click(By.id("nav-organizations"));
    browser.type(By.id("org-name"), "Acme");
    browser.type(By.id("org-code"), "org_acme");
    browser.click(By.id("save-org"));
    browser.waitForText(By.id("notice"), "Created organization org_acme.");
    browser.type(By.id("org-name"), "Acme again");
    browser.type(By.id("org-code"), "org_acme");
    browser.click(By.id("save-org"));
    assertThat(browser.error()).isEqualTo("organization org_acme already exists");
    browser.click(By.cssSelector("tr[data-owner-id='org_acme'] button.open-owner"));
    browser.waitForText(By.id("owner-title"), "Organization Acme");
    browser.find(By.id("no-keys"));
    browser.screenshot("organization-without-keys");

    // What Acme may hold: nothing until the operator grants it
    String usersRow = "#grants tr[data-api-id='" + usersApiId() + "']";
    browser.waitForText(By.cssSelector(usersRow + " .grant-state"), "not granted");
    browser.click(By.cssSelector(usersRow + " input[value='read:users']"));
    browser.click(By.cssSelector(usersRow + " button.save-grant"));
    browser.waitForText(By.id("notice"), "Granted Users API with read:users.");
    browser.waitForText(By.cssSelector(usersRow + " .grant-state"), "granted");
    assertThat(browser.find(By.cssSelector(usersRow + " input[value='read:users']")).isSelected())
        .isTrue();
    assertThat(browser.find(By.cssSelector(usersRow + " input[value='write:users']")).isSelected())
        .isFalse();
    assertThat(
            keygate
                .get("/api/v1/organizations/org_acme/grants", rootKey)
                .json()
                .at("/grants/0/scopes/0/key")
                .asText())
        .isEqualTo("read:users");
    browser.screenshot("organization-granted-read-users");

    String first = addKey("Production Integration", "read:users", "write:users");
    browser.screenshot("key-shown-once");
    assertThat(browser.find(By.id("issued-key")).getText())
        .contains("you won't see it again")
        .contains(first);
    assertThat(verify(first)).isEqualTo("API_KEY_VERIFIED");
    browser.click(By.id("issued-done"));
    browser.waitUntilGone(By.id("issued-key"));
    assertThat(browser.keyRow("Production Integration").getText())
        .contains("active", "read:users, write:users")
        .doesNotContain(first);

    browser.chooseValue(By.id("status-filter"), "revoked");
    browser.find(By.id("no-keys"));
    browser.chooseValue(By.id("status-filter"), "active");
    browser.keyRow("Production Integration");
    browser.chooseValue(By.id("status-filter"), "");

    browser.clickKeyAction("Production Integration", "disable");
    browser.waitForStatus("Production Integration", "disabled");
    assertThat(verify(first)).isEqualTo("API_KEY_INACTIVE");
    browser.screenshot("key-disabled");
    browser.clickKeyAction("Production Integration", "enable");
    browser.waitForStatus("Production Integration", "active");
    assertThat(verify(first)).isEqualTo("API_KEY_VERIFIED");

    browser.clickKeyAction("Production Integration", "rotate");
    browser.chooseValue(By.id("rotate-grace"), "3600");
    browser.screenshot("rotate-with-grace");
    browser.click(By.id("confirm-yes"));
    String rotated = browser.find(By.id("issued-key-value")).getText();
    assertThat(rotated).matches(Cli.TOKEN.pattern()).isNotEqualTo(first);
    browser.screenshot("rotated-key-shown-once");
    assertThat(verify(rotated)).isEqualTo("API_KEY_VERIFIED");
    assertThat(verify(first))
        .as("the old key, within its hour of grace")
        .isEqualTo("API_KEY_VERIFIED");
    browser.click(By.id("issued-done"));

    browser.clickKeyAction("Production Integration", "revoke");
    browser.find(By.id("confirm-dialog"));
    browser.screenshot("revoke-asks-first");
    browser.find(By.id("confirm-no")).sendKeys(Keys.ESCAPE);
    browser.waitUntilGone(By.id("confirm-dialog"));
    assertThat(verify(rotated)).as("Escape cancels").isEqualTo("API_KEY_VERIFIED");
    browser.clickKeyAction("Production Integration", "revoke");
    browser.click(By.id("confirm-yes"));
    browser.waitForStatus("Production Integration", "revoked");
    assertThat(verify(rotated)).isEqualTo("API_KEY_REVOKED");
    browser.chooseValue(By.id("status-filter"), "revoked");
    browser.keyRow("Production Integration");
    browser.screenshot("key-revoked-filtered");

    // A user and their key
    browser.click(By.id("nav-users"));
    browser.type(By.id("user-name"), "Alice");
    browser.type(By.id("user-email"), "alice@example.com");
    browser.type(By.id("user-id"), "kp_alice");
    browser.click(By.id("save-user"));
    browser.click(By.cssSelector("tr[data-owner-id='kp_alice'] button.open-owner"));
    browser.waitForText(By.id("owner-title"), "User Alice");
    String alices = addKey("Alice's script", "read:users");
    assertThat(verify(alices)).isEqualTo("API_KEY_VERIFIED");
    browser.screenshot("user-key-shown-once");
    assertThat(
            keygate
                .get("/api/v1/api_keys?user_id=kp_alice", rootKey)
                .json()
                .at("/api_keys/0/scopes/0")
                .asText())
        .isEqualTo("read:users");

    browser.click(By.id("sign-out"));
    browser.find(By.id("management-key"));
    assertThat(browser.script("return sessionStorage.getItem('keygate.console.key')")).isNull();
    browser.screenshot("signed-out");
  }

  @Test
  void operator_managesAnApplication_whoseSecretAndScopesWorkAtTheTokenEndpoint() {
    browser.open(base + "/console");
    browser.type(By.id("management-key"), rootKey);
    browser.find(By.id("management-key")).sendKeys(Keys.ENTER);
    browser.find(By.id("orgs-title"));

    browser.click(By.id("nav-applications"));
    browser.find(By.id("no-applications"));
    browser.click(By.id("add-application"));
    browser.type(By.id("application-name"), "Billing sync");
    browser.type(By.id("application-org"), "org_nowhere");
    browser.click(By.id("save-application"));
    assertThat(browser.error()).isEqualTo("organization org_nowhere not found");
    browser.find(By.id("application-org")).clear();
    browser.click(By.id("save-application"));
    String secret = browser.find(By.id("issued-key-value")).getText();
    assertThat(browser.find(By.id("issued-key")).getText())
        .contains("Copy this client secret now: you won't see it again");
    browser.screenshot("application-secret-shown-once");
    assertThat(secret).isNotBlank();
    assertThat(browser.driver().getCurrentUrl()).doesNotContain(secret);
    assertThat(
            browser.script(
                "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"
                    + " + document.cookie"))
        .asString()
        .doesNotContain(secret);
    browser.click(By.id("issued-done"));
    browser.waitUntilGone(By.id("issued-key"));
    browser.find(LOADED);
    String row = "#applications tr[data-application-id]";
    String id = browser.find(By.cssSelector(row)).getAttribute("data-application-id");
    assertThat(browser.find(By.cssSelector(row)).getText())
        .contains("Billing sync", id, "the whole deployment")
        .doesNotContain(secret);
    assertThat(token(id, secret).status()).as("authorized for nothing yet").isEqualTo(400);

    // Authorized for the management API with read:api_keys, and nothing else
    browser.click(By.cssSelector("button[aria-label='Open application Billing sync']"));
    String management = "#application-apis tr[data-api-id='" + managementApiId() + "']";
    browser.waitForText(By.cssSelector(management + " .authorization-state"), "not authorized");
    browser.click(By.cssSelector(management + " input[value='read:api_keys']"));
    browser.click(By.cssSelector(management + " button.save-authorization"));
    browser.waitForText(By.id("notice"), "with read:api_keys.");
    assertThat(browser.find(By.cssSelector(management + " .authorization-state")).getText())
        .isEqualTo("authorized");
    assertThat(
            browser.find(By.cssSelector(management + " input[value='read:api_keys']")).isSelected())
        .isTrue();
    browser.screenshot("application-authorized");
    Token issued = token(id, secret);
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    assertThat(issued.json().get("scope").asText()).isEqualTo("read:api_keys");
    String bearer = issued.json().get("access_token").asText();
    keygate.get("/api/v1/api_keys", bearer).hasStatus(200);
    keygate.get("/api/v1/applications", bearer).hasStatus(403);

    // Rotated: the old secret is refused, the new one shown once works
    browser.click(By.id("back"));
    browser.click(By.cssSelector("#applications button.rotate-secret"));
    browser.find(By.id("confirm-dialog"));
    browser.click(By.id("confirm-yes"));
    String rotated = browser.find(By.id("issued-key-value")).getText();
    assertThat(rotated).isNotBlank().isNotEqualTo(secret);
    browser.screenshot("application-secret-rotated");
    assertThat(token(id, secret).status()).isEqualTo(401);
    assertThat(token(id, rotated).status()).isEqualTo(200);
    keygate.get("/api/v1/api_keys", bearer).hasStatus(401);
    browser.click(By.id("issued-done"));
    browser.find(LOADED);

    browser.click(By.cssSelector("#applications button.rename-application"));
    browser.type(By.id("rename-application"), "Billing");
    browser.click(By.id("confirm-yes"));
    browser.waitForText(By.id("notice"), "Renamed Billing sync to Billing.");
    assertThat(browser.find(By.cssSelector(row)).getText()).doesNotContain("Billing sync");
    assertThat(keygate.get("/api/v1/applications/" + id, rootKey).text("/application/name"))
        .isEqualTo("Billing");

    // Withdrawn from the management API: the secret is right, but no token for it any more
    browser.click(By.cssSelector("button[aria-label='Open application Billing']"));
    browser.click(By.cssSelector(management + " button.withdraw-authorization"));
    browser.waitForText(By.id("notice"), "Withdrew Keygate management API from Billing.");
    assertThat(browser.find(By.cssSelector(management + " .authorization-state")).getText())
        .isEqualTo("not authorized");
    assertThat(
            browser.find(By.cssSelector(management + " input[value='read:api_keys']")).isSelected())
        .isFalse();
    Token withdrawn = token(id, rotated);
    assertThat(withdrawn.status()).isEqualTo(400);
    assertThat(withdrawn.json().get("error").asText()).isEqualTo("unauthorized_client");
    browser.click(By.id("back"));

    browser.click(By.cssSelector("#applications button.delete-application"));
    browser.find(By.id("confirm-dialog"));
    browser.click(By.id("confirm-yes"));
    browser.waitForText(By.id("notice"), "Deleted Billing.");
    browser.find(By.id("no-applications"));
    assertThat(token(id, rotated).status()).isEqualTo(401);
  }

  @Test
  void operator_setsAKeysPolicyAndTheSharedLimits_andSeesVerificationsCharted() {
    String apiId =
        keygate
            .post(
                "/api/v1/apis",
                "{\"name\":\"Users API\",\"audience\":\"https://users.example.com\"}",
                rootKey)
            .hasStatus(200)
            .text("/api/id");
    keygate
        .post("/api/v1/organization", "{\"name\":\"Acme\",\"code\":\"org_acme\"}", rootKey)
        .hasStatus(200);
    ServingKeygate.Answer made =
        keygate
            .post(
                "/api/v1/api_keys",
                "{\"name\":\"Reporting\",\"api_id\":\"" + apiId + "\",\"org_code\":\"org_acme\"}",
                rootKey)
            .hasStatus(201);
    String keyId = made.text("/api_key/id");
    String token = made.text("/api_key/key");
    browser.recordCspViolations();
    browser.open(base + "/console");
    browser.type(By.id("management-key"), rootKey);
    browser.find(By.id("management-key")).sendKeys(Keys.ENTER);
    browser.click(By.cssSelector("tr[data-owner-id='org_acme'] button.open-owner"));

    // The organization's shared limits
    browser.waitForText(By.id("owner-limits"), "none");
    browser.click(By.id("owner-add-limit"));
    browser.fillRateLimit("owner", "org-minute", 1000, 1, "60");
    browser.click(By.id("owner-limits-form-save"));
    browser.waitForText(By.id("notice"), "Saved the shared rate limits of Acme.");
    assertThat(browser.find(By.id("owner-limits")).getText())
        .isEqualTo("org-minute: 1000 per minute");
    assertThat(keygate.get("/api/v1/organizations/org_acme/rate_limits", rootKey).body())
        .contains("{\"name\":\"org-minute\",\"limit\":1000,\"duration_seconds\":60}");
    browser.screenshot("organization-shared-limits");

    // A key made with credits and an address range
    browser.click(By.id("add-key"));
    browser.type(By.id("key-name"), "Metered CI");
    browser.choose(By.id("key-api"), "Users API (https://users.example.com)");
    browser.click(By.cssSelector("#new-key-policy summary"));
    browser.click(By.id("new-key-metered"));
    browser.type(By.id("new-key-remaining"), "100");
    browser.type(By.id("new-key-addresses"), "203.0.113.0/24");
    browser.screenshot("add-key-with-a-policy");
    browser.click(By.id("save-key"));
    browser.find(By.id("issued-key-value"));
    browser.click(By.id("issued-done"));
    assertThat(browser.keyRow("Metered CI").findElement(By.cssSelector(".key-policy")).getText())
        .isEqualTo("100 credits left · from 203.0.113.0/24");
    assertThat(browser.keyRow("Reporting").findElement(By.cssSelector(".key-policy")).getText())
        .isEqualTo("unlimited");

    // A key's own limit, refused while its name is not one, then saved
    browser.clickKeyAction("Reporting", "details");
    browser.waitForText(By.id("policy-owner-limits"), "org-minute: 1000 per minute");
    assertThat(browser.find(By.id("policy-limits")).getText()).isEqualTo("none");
    assertThat(browser.find(By.id("policy-credits")).getText()).isEqualTo("unmetered");
    assertThat(browser.find(By.id("policy-addresses")).getText()).isEqualTo("anywhere");
    browser.click(By.id("key-add-limit"));
    // A 300-day window, so that a run hardly ever spans its end (one every 300 days from 1970).
    browser.fillRateLimit("key", "per day", 3, 300, "86400");
    browser.click(By.id("key-limits-form-save"));
    assertThat(browser.error()).startsWith("rate_limits[0].name must be");
    browser.type(By.id("key-limit-name-1"), "quota");
    browser.click(By.id("key-limits-form-save"));
    browser.waitForText(By.id("notice"), "Saved the rate limits of Reporting.");
    assertThat(browser.find(By.id("policy-limits")).getText()).isEqualTo("quota: 3 per 300 days");
    assertThat(
            keygate
                .getExtended("/api/v1/api_keys/" + keyId, rootKey)
                .json()
                .at("/api_key/rate_limits")
                .toString())
        .isEqualTo("[{\"name\":\"quota\",\"limit\":3,\"duration_seconds\":25920000}]");
    browser.screenshot("key-rate-limit-saved");

    // Three valid verifications, then two over the limit: the chart shows exactly those.
    String hourBefore = Instant.now().truncatedTo(ChronoUnit.HOURS).toString();
    String dayBefore = Instant.now().truncatedTo(ChronoUnit.DAYS).toString();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      codes.add(verify(token));
    }
    assertThat(codes)
        .containsExactly(
            "API_KEY_VERIFIED",
            "API_KEY_VERIFIED",
            "API_KEY_VERIFIED",
            "API_KEY_RATE_LIMITED",
            "API_KEY_RATE_LIMITED");
    String usage = "/api/v1/api_keys/" + keyId + "/usage";
    FeedWaits.awaitTrue(
        () -> keygate.get(usage, rootKey).body().contains("API_KEY_RATE_LIMITED\":2"));
    browser.click(By.id("close-detail"));
    browser.clickKeyAction("Reporting", "details");
    String day = "#key-detail figure[data-period='24h']";
    browser.find(By.cssSelector(day + " svg.bars"));
    assertThat(browser.find(By.cssSelector(day)).getAttribute("data-total")).isEqualTo("5");
    assertThat(
            browser
                .driver()
                .findElement(By.cssSelector(day + " svg.bars > title"))
                .getAttribute("textContent"))
        .contains("5 in all (3 valid, 2 rate limited)");
    assertThat(browser.find(By.cssSelector(day + " .chart-legend")).getText())
        .contains("valid 3", "rate limited 2");
    assertThat(browser.all(By.cssSelector(day + " g.bucket"))).hasSize(24);
    if (hourBefore.equals(Instant.now().truncatedTo(ChronoUnit.HOURS).toString())) {
      assertThat(browser.lastBar(day))
          .containsExactly(
              Map.entry("API_KEY_VERIFIED", "3"), Map.entry("API_KEY_RATE_LIMITED", "2"));
    }
    String month = "#key-detail figure[data-period='30d']";
    assertThat(browser.all(By.cssSelector(month + " g.bucket"))).hasSize(30);
    if (dayBefore.equals(Instant.now().truncatedTo(ChronoUnit.DAYS).toString())) {
      assertThat(browser.lastBar(month))
          .containsExactly(
              Map.entry("API_KEY_VERIFIED", "3"), Map.entry("API_KEY_RATE_LIMITED", "2"));
    }
    browser.screenshot("key-verifications-charted");

    // The organization's chart counts its keys' verifications; both read at 360 pixels wide.
    browser.click(By.cssSelector("#back"));
    browser.click(By.cssSelector("tr[data-owner-id='org_acme'] button.open-owner"));
    assertThat(
            browser
                .find(By.cssSelector("#owner-usage figure[data-period='24h']"))
                .getAttribute("data-total"))
        .isEqualTo("5");
    browser.driver().manage().window().setSize(new Dimension(360, 800));
    WebElement chart = browser.find(By.cssSelector("#owner-usage figure[data-period='24h'] svg"));
    browser.script("arguments[0].scrollIntoView()", chart);
    assertThat(chart.getRect().getX() + chart.getRect().getWidth()).isLessThanOrEqualTo(360);
    assertThat(chart.getRect().getWidth()).isGreaterThan(200);
    browser.screenshot("organization-chart-at-360-pixels");
    assertThat(browser.cspViolations()).as("the forms and charts run under the policy").isEmpty();
  }

  @Test
  void operator_addsAWebhook_seesItsSecretOnce_andRedeliversFromItsDeliveryLog()
      throws IOException {
    keygate
        .post(
            "/api/v1/apis",
            "{\"name\":\"Users API\",\"audience\":\"https://users.example.com\"}",
            rootKey)
        .hasStatus(200);
    keygate
        .post("/api/v1/organization", "{\"name\":\"Acme\",\"code\":\"org_acme\"}", rootKey)
        .hasStatus(200);
    try (Receiver receiver = new Receiver()) {
      browser.recordCspViolations();
      browser.open(base + "/console");
      browser.type(By.id("management-key"), rootKey);
      browser.find(By.id("management-key")).sendKeys(Keys.ENTER);
      browser.find(By.id("orgs-title"));

      // Added: refused first for its endpoint, then made, its signing secret shown once
      browser.click(By.id("nav-webhooks"));
      browser.find(By.id("no-webhooks"));
      browser.click(By.id("add-webhook"));
      browser.find(By.id("webhook-endpoint"));
      assertThat(browser.all(By.cssSelector("#webhook-events input[type='checkbox']")))
          .extracting(box -> box.getAttribute("value"))
          .containsExactly(
              "api_key.created",
              "api_key.rotated",
              "api_key.revoked",
              "api_key.disabled",
              "api_key.enabled",
              "api_key.expiring",
              "api_key.expired",
              "api_key.leaked");
      browser.type(By.id("webhook-endpoint"), "ftp://127.0.0.1/hooks");
      browser.click(By.cssSelector("#webhook-events input[value='api_key.created']"));
      browser.click(By.cssSelector("#webhook-events input[value='api_key.revoked']"));
      browser.click(By.id("save-webhook"));
      assertThat(browser.error()).contains("http or https");
      browser.type(By.id("webhook-endpoint"), receiver.endpoint());
      browser.type(By.id("webhook-name"), "Audit sink");
      browser.type(By.id("webhook-description"), "Every key's life, for the audit team");
      browser.screenshot("add-webhook");
      browser.click(By.id("save-webhook"));
      String secret = browser.find(By.id("issued-key-value")).getText();
      assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
      assertThat(browser.find(By.id("issued-key")).getText())
          .contains("Copy this signing secret now: you won't see it again");
      browser.screenshot("webhook-secret-shown-once");
      assertThat(
              browser.script(
                  "return JSON.stringify(sessionStorage) + JSON.stringify(localStorage)"
                      + " + document.cookie + location.href"))
          .asString()
          .doesNotContain(secret);
      browser.click(By.id("issued-done"));
      browser.waitUntilGone(By.id("issued-key"));
      browser.find(WEBHOOKS_LOADED);
      String listed = "#webhooks tr[data-webhook-id]";
      String webhookId = browser.find(By.cssSelector(listed)).getAttribute("data-webhook-id");
      assertThat(webhookId).startsWith("webhook_");
      assertThat(browser.find(By.cssSelector(listed)).getText())
          .contains("Audit sink", receiver.endpoint(), "whole deployment")
          .doesNotContain(secret);
      assertThat(browser.find(By.cssSelector(listed + " .webhook-events")).getText().split(", "))
          .containsExactlyInAnyOrder("api_key.created", "api_key.revoked");
      assertThat(keygate.getExtended("/api/v1/webhooks", rootKey).body())
          .contains(webhookId)
          .doesNotContain(secret);

      // A key made in the console reaches the receiver, signed with the secret shown
      browser.click(By.id("nav-organizations"));
      browser.click(By.cssSelector("tr[data-owner-id='org_acme'] button.open-owner"));
      String token = addKey("Webhook probe");
      browser.click(By.id("issued-done"));
      String keyId =
          keygate.get("/api/v1/api_keys?org_code=org_acme", rootKey).text("/api_keys/0/id");
      Received created = receiver.next();
      assertThat(created.json().get("type").asText()).isEqualTo("api_key.created");
      assertThat(created.json().at("/data/api_key/id").asText()).isEqualTo(keyId);
      assertThat(created.id()).startsWith("msg_");
      assertThat(created.signedWith(secret)).as(created.signature()).isTrue();
      assertThat(created.text()).doesNotContain(token);

      // The delivery log: delivered at the first attempt
      browser.click(By.id("nav-webhooks"));
      browser.click(By.cssSelector("button[aria-label='Open webhook Audit sink']"));
      browser.waitForText(By.id("webhook-title"), "Webhook Audit sink");
      String row = "#deliveries tr[data-delivery-id='" + created.id() + "']";
      browser.clickUntilText(
          By.id("refresh-deliveries"), By.cssSelector(row + " .delivery-status"), "delivered");
      assertThat(browser.find(By.cssSelector(row + " .delivery-event")).getText())
          .isEqualTo("api_key.created");
      assertThat(browser.find(By.cssSelector(row + " .delivery-key")).getText()).isEqualTo(keyId);
      assertThat(browser.find(By.cssSelector(row + " .delivery-attempts")).getText())
          .isEqualTo("1");
      assertThat(browser.find(By.cssSelector(row + " .delivery-answer")).getText())
          .isEqualTo("HTTP 204");
      assertThat(browser.find(By.cssSelector(row + " .delivery-next")).getText()).isEqualTo("none");
      assertThat(browser.driver().findElement(By.id("more-deliveries")).isDisplayed()).isFalse();
      browser.screenshot("delivery-log-delivered");

      // A new secret, shown once; the redelivery is signed with it, under the same webhook-id
      browser.click(By.id("back"));
      browser.click(By.cssSelector(listed + " button.rotate-webhook-secret"));
      browser.find(By.id("confirm-dialog"));
      browser.click(By.id("confirm-yes"));
      String rotated = browser.find(By.id("issued-key-value")).getText();
      assertThat(rotated).matches("whsec_[A-Za-z0-9+/]{43}=").isNotEqualTo(secret);
      browser.screenshot("webhook-secret-rotated");
      browser.click(By.id("issued-done"));
      browser.click(By.cssSelector("button[aria-label='Open webhook Audit sink']"));
      browser.click(By.cssSelector(row + " button.redeliver"));
      browser.waitForText(
          By.id("notice"), "Redelivery of api_key.created (" + created.id() + ") scheduled.");
      assertThat(browser.find(By.cssSelector(row + " .delivery-status")).getText())
          .isEqualTo("pending");
      Received again = receiver.next();
      assertThat(again.id()).isEqualTo(created.id());
      assertThat(again.json().get("type").asText()).isEqualTo("api_key.created");
      assertThat(again.json().at("/data/event_id").asText())
          .isEqualTo(created.json().at("/data/event_id").asText());
      assertThat(again.signedWith(rotated)).as(again.signature()).isTrue();
      browser.clickUntilText(
          By.id("refresh-deliveries"), By.cssSelector(row + " .delivery-status"), "delivered");
      assertThat(browser.find(By.cssSelector(row + " .delivery-attempts")).getText())
          .isEqualTo("2");
      browser.screenshot("delivery-log-redelivered");

      // Twenty keys more: the log's first page, then the next one after its last delivery
      for (int i = 0; i < 20; i++) {
        keygate
            .post(
                "/api/v1/api_keys",
                "{\"name\":\"batch "
                    + i
                    + "\",\"api_id\":\""
                    + usersApiId()
                    + "\",\"org_code\":\"org_acme\"}",
                rootKey)
            .hasStatus(201);
      }
      browser.click(By.id("refresh-deliveries"));
      browser.find(By.cssSelector("#more-deliveries"));
      assertThat(browser.all(By.cssSelector("#deliveries tr[data-delivery-id]"))).hasSize(20);
      assertThat(browser.all(By.cssSelector(row))).as("the oldest, on the next page").isEmpty();
      browser.click(By.id("more-deliveries"));
      browser.find(By.cssSelector(row));
      browser.waitUntilGone(By.id("more-deliveries"));
      assertThat(browser.all(By.cssSelector("#deliveries tr[data-delivery-id]")))
          .extracting(tr -> tr.getAttribute("data-delivery-id"))
          .hasSize(21)
          .doesNotHaveDuplicates()
          .endsWith(created.id());

      // Readable at 360 pixels wide: nothing wider than the screen, the redeliver button in reach
      browser.driver().manage().window().setSize(new Dimension(360, 800));
      WebElement redeliver = browser.find(By.cssSelector(row + " button.redeliver"));
      browser.script("arguments[0].scrollIntoView()", redeliver);
      assertThat(redeliver.getRect().getX() + redeliver.getRect().getWidth())
          .isLessThanOrEqualTo(360);
      assertThat(pageWidth()).isLessThanOrEqualTo(360);
      browser.screenshot("delivery-log-at-360-pixels");
      browser.click(By.id("back"));
      browser.find(WEBHOOKS_LOADED);
      assertThat(pageWidth()).isLessThanOrEqualTo(360);
      browser.screenshot("webhooks-at-360-pixels");

      // Deleted, after the question every delete asks
      browser.click(By.cssSelector(listed + " button.delete-webhook"));
      browser.find(By.id("confirm-dialog"));
      browser.screenshot("delete-webhook-asks-first");
      browser.click(By.id("confirm-yes"));
      browser.waitForText(By.id("notice"), "Deleted Audit sink.");
      browser.find(By.id("no-webhooks"));
      assertThat(keygate.get("/api/v1/webhooks", rootKey).json().get("webhooks")).isEmpty();
      assertThat(browser.cspViolations()).as("the webhooks pages run under the policy").isEmpty();
    }
  }

  /** How wide the page is laid out, in CSS pixels: wider than the window, it scrolls sideways. */
  /**
   * The lists a busy deployment has: keys found by search and paged, expiry and a rotation's grace
   * shown, the audit trail filtered and paged newest first, a portal link made for a chosen owner
   * and time and opened on the owner's name; every screen without sideways scrolling at 360 pixels.
   * The screenshots it leaves under target/screenshots/console-tour are the README's
   * (scripts/web-screenshots.sh).
   */
  @Test
  void operator_pagesSearchesAuditsAndLinks_aTourOfABusyDeployment_evenOnAPhone()
      throws InterruptedException {
    String apiId =
        keygate
            .post(
                "/api/v1/apis",
                "{\"name\":\"Billing API\",\"audience\":\"https://billing.example.com\"}",
                rootKey)
            .hasStatus(200)
            .text("/api/id");
    keygate
        .post("/api/v1/apis/" + apiId + "/scopes", "{\"key\":\"read:invoices\"}", rootKey)
        .hasStatus(200);
    keygate
        .post(
            "/api/v1/organization",
            "{\"name\":\"Acme Corporation\",\"code\":\"org_acme\"}",
            rootKey)
        .hasStatus(200);
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 21; i++) {
      ids.add(createKey(apiId, "Service %02d".formatted(i), ""));
    }
    createKey(apiId, "Partner feed", "");
    Instant expiry = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    createKey(apiId, "Nightly export", ",\"expires_on\":\"" + expiry + "\"");
    keygate
        .post(
            "/api/v1/webhooks",
            "{\"endpoint\":\"https://hooks.example.com/keygate\",\"name\":\"Audit sink\","
                + "\"event_types\":[\"api_key.created\",\"api_key.revoked\"]}",
            rootKey)
        .hasStatus(200);
    keygate
        .post("/api/v1/applications", "{\"name\":\"Billing sync\",\"type\":\"m2m\"}", rootKey)
        .hasStatus(201);
    browser.recordCspViolations();
    browser.resize(1200, 800);
    browser.open(base + "/console");
    browser.type(By.id("management-key"), rootKey);
    browser.find(By.id("management-key")).sendKeys(Keys.ENTER);
    browser.click(By.cssSelector("tr[data-owner-id='org_acme'] button.open-owner"));

    // 23 keys: twenty a page, one compact line each, then the next page and back
    browser.keysLoaded();
    assertThat(browser.all(By.cssSelector("#keys tbody tr"))).hasSize(20);
    assertThat(browser.find(By.id("keys-page")).getText()).isEqualTo("Page 1");
    assertThat(browser.find(By.id("keys-previous")).isEnabled()).isFalse();
    assertThat(browser.all(By.cssSelector("#keys tbody tr")))
        .allSatisfy(row -> assertThat(row.getRect().getHeight()).isLessThan(48));
    browser.click(By.id("keys-next"));
    browser.waitForText(By.id("keys-page"), "Page 2");
    browser.keysLoaded();
    assertThat(browser.all(By.cssSelector("#keys td.key-name")))
        .extracting(WebElement::getText)
        .containsExactly("Service 21", "Partner feed", "Nightly export");
    assertThat(browser.find(By.id("keys-next")).isEnabled()).isFalse();
    browser.click(By.id("keys-previous"));
    browser.waitForText(By.id("keys-page"), "Page 1");
    browser.keyRow("Service 01");

    // Found by name, whatever its case, and by the start of its id; the expired key says so
    while (!Instant.now().isAfter(expiry)) {
      Thread.sleep(100);
    }
    browser.type(By.id("key-search"), "NIGHTLY");
    browser.waitForStatus("Nightly export", "expired");
    assertThat(browser.all(By.cssSelector("#keys tbody tr"))).hasSize(1);
    assertThat(
            browser.keyRow("Nightly export").findElement(By.cssSelector(".key-expires")).getText())
        .isEqualTo(expiry.toString().substring(0, 16).replace('T', ' '));
    assertThat(browser.keyRow("Nightly export").findElements(By.cssSelector("button.rotate")))
        .isEmpty();
    browser.type(By.id("key-search"), ids.get(6).substring(0, 24));
    browser.waitForText(By.id("keys"), "Service 07");
    assertThat(browser.all(By.cssSelector("#keys tbody tr"))).hasSize(1);
    assertThat(browser.find(By.id("keys-section")).getText()).doesNotContain("Portal link");

    // Rotated with an hour's grace: the row says until when the old secret still works
    browser.type(By.id("key-search"), "partner");
    browser.waitForText(By.id("keys"), "Partner feed");
    browser.clickKeyAction("Partner feed", "rotate");
    browser.chooseValue(By.id("rotate-grace"), "3600");
    browser.click(By.id("confirm-yes"));
    browser.find(By.id("issued-key-value"));
    browser.click(By.id("issued-done"));
    browser.waitForText(By.id("keys"), "old secret valid until");
    browser.type(By.id("key-search"), "t");
    browser.waitForText(By.id("keys"), "Nightly export");
    assertThat(browser.all(By.cssSelector("#keys td.key-name")))
        .extracting(WebElement::getText)
        .containsExactly("Partner feed", "Nightly export");
    browser.script("window.scrollTo(0, 0)");
    browser.screenshot("console-keys");

    // The audit trail, newest first, a page at a time, and narrowed
    browser.click(By.id("nav-audit"));
    browser.find(By.cssSelector("#audit-table:not([aria-busy]) #audit"));
    assertThat(browser.all(By.cssSelector("#audit tbody tr"))).hasSize(25);
    assertThat(browser.find(By.cssSelector("#audit tbody tr .audit-action")).getText())
        .isEqualTo("api_key_rotate");
    browser.script("window.scrollTo(0, 0)");
    browser.screenshot("console-audit");
    browser.click(By.id("audit-next"));
    browser.waitForText(By.id("audit-page"), "Page 2");
    List<WebElement> older = browser.all(By.cssSelector("#audit tbody tr .audit-action"));
    assertThat(older.get(older.size() - 1).getText()).isEqualTo("api_register");
    browser.type(By.id("audit-action"), "api_key_create");
    browser.type(By.id("audit-org"), "org_acme");
    browser.click(By.id("audit-apply"));
    // One page now: the pager goes
    browser.waitUntilGone(By.id("audit-next"));
    browser.find(By.cssSelector("#audit-table:not([aria-busy]) #audit"));
    assertThat(browser.all(By.cssSelector("#audit tbody tr .audit-action")))
        .hasSize(23)
        .extracting(WebElement::getText)
        .containsOnly("api_key_create");
    browser.click(By.cssSelector("#audit tbody tr:last-child button.audit-target"));
    browser.waitForText(By.id("audit"), ids.get(0));
    assertThat(browser.all(By.cssSelector("#audit tbody tr"))).hasSize(1);
    browser.script(
        "document.getElementById('audit-until').value = '2000-01-01T00:00';"
            + " document.getElementById('audit-action').value = '';");
    browser.click(By.id("audit-apply"));
    browser.find(By.id("no-events"));
    browser.type(By.id("audit-action"), "api_key_made_up");
    browser.click(By.id("audit-apply"));
    assertThat(browser.error()).contains("action");
    browser.click(By.id("audit-clear"));
    browser.find(By.cssSelector("#audit-table:not([aria-busy]) #audit"));

    // A portal link for the owner and time chosen, shown once, opening on the owner's name
    browser.click(By.id("nav-portal-links"));
    browser.present(By.cssSelector("#portal-link-owner option[value='org_acme']"));
    browser.choose(By.id("portal-link-owner"), "Acme Corporation (org_acme)");
    browser.chooseValue(By.id("portal-link-ttl"), "14400");
    Instant asked = Instant.now();
    browser.click(By.id("make-portal-link"));
    String link = browser.find(By.id("issued-key-value")).getText();
    assertThat(link).startsWith(base + "/portal#k_live_");
    String until = browser.find(By.id("issued-key")).getText();
    assertThat(until)
        .contains(
            "It works until "
                + asked.plusSeconds(14_400).toString().substring(0, 13).replace('T', ' '));
    browser.click(By.id("copy-key"));
    browser.find(By.cssSelector("#copy-result:not(:empty)"));
    browser.screenshot("console-portal-links");
    assertThat(
            keygate.getExtended("/api/v1/api_keys?org_code=org_acme&page_size=500", rootKey).body())
        .doesNotContain("Portal link");

    browser.click(By.id("nav-webhooks"));
    browser.find(By.cssSelector("#webhooks-table:not([aria-busy]) #webhooks"));
    browser.screenshot("console-webhooks");
    browser.click(By.id("nav-applications"));
    browser.find(By.cssSelector("#applications-table:not([aria-busy]) table"));
    browser.screenshot("console-applications");

    // At 360 pixels wide, no screen scrolls sideways
    browser.resize(360, 760);
    assertThat(browser.overflowsBy()).as("applications: %s", browser.stickingOut()).isZero();
    browser.click(By.id("nav-webhooks"));
    browser.find(WEBHOOKS_LOADED);
    assertThat(browser.overflowsBy()).as("webhooks: %s", browser.stickingOut()).isZero();
    browser.click(By.id("nav-portal-links"));
    browser.find(By.id("make-portal-link"));
    assertThat(browser.overflowsBy()).as("portal links: %s", browser.stickingOut()).isZero();
    browser.click(By.id("nav-audit"));
    browser.find(By.cssSelector("#audit-table:not([aria-busy]) #audit"));
    assertThat(browser.overflowsBy()).as("audit: %s", browser.stickingOut()).isZero();
    browser.click(By.id("nav-organizations"));
    browser.click(By.cssSelector("tr[data-owner-id='org_acme'] button.open-owner"));
    browser.keyRow("Service 01");
    assertThat(browser.overflowsBy()).as("keys: %s", browser.stickingOut()).isZero();
    browser.script("document.getElementById('keys-section').scrollIntoView()");
    browser.screenshot("console-keys-phone");
    assertThat(browser.cspViolations()).isEmpty();

    browser.open(link);
    browser.waitForText(By.id("owner-title"), "Acme Corporation");
    browser.keyRow("Service 01");
    assertThat(browser.find(By.id("owner-code")).getText()).contains("org_acme");
    assertThat(browser.overflowsBy()).as("portal: %s", browser.stickingOut()).isZero();
    browser.resize(1200, 800);
    browser.keysLoaded();
    browser.script("window.scrollTo(0, 0)");
    browser.screenshot("portal");
    assertThat(browser.cspViolations()).isEmpty();
  }

  private String createKey(String apiId, String name, String more) {
    return keygate
        .post(
            "/api/v1/api_keys",
            "{\"name\":\"%s\",\"api_id\":\"%s\",\"scope_ids\":[\"read:invoices\"],\"org_code\":\"org_acme\"%s}"
                .formatted(name, apiId, more),
            rootKey)
        .hasStatus(201)
        .text("/api_key/id");
  }

  private long pageWidth() {
    return (Long) browser.script("return document.documentElement.scrollWidth");
  }

  private String managementApiId() {
    for (JsonNode api : keygate.get("/api/v1/apis", rootKey).json().get("apis")) {
      if (api.get("is_management_api").asBoolean()) {
        return api.get("id").asText();
      }
    }
    throw new AssertionError("no management api");
  }

  /** The client-credentials grant for the management API, with the secret the console showed. */
  private Token token(String clientId, String clientSecret) {
    String form =
        "grant_type=client_credentials&audience=keygate-management&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Token(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Token(int status, String body) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }
  }

  /**
   * A webhook receiver on 127.0.0.1 (JDK HttpServer) that keeps what it receives and answers 204,
   * as a receiver that accepted a delivery does.
   */
  private static final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    Receiver() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/hooks",
          exchange -> {
            try (exchange) {
              byte[] body = exchange.getRequestBody().readAllBytes();
              received.add(
                  new Received(
                      exchange.getRequestHeaders().getFirst("webhook-id"),
                      exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                      exchange.getRequestHeaders().getFirst("webhook-signature"),
                      body));
              exchange.sendResponseHeaders(204, -1);
            }
          });
      server.start();
    }

    String endpoint() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next request received, waited for at most twenty seconds. */
    Received next() {
      try {
        Received next = received.poll(20, TimeUnit.SECONDS);
        if (next == null) {
          throw new AssertionError("the receiver got nothing within 20 seconds");
        }
        return next;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** One request a receiver got: its Standard Webhooks headers and its body as sent. */
  private record Received(String id, String timestamp, String signature, byte[] body) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(text(), e);
      }
    }

    /** Whether one of its signatures is the HMAC-SHA256 of id.timestamp.body under secret. */
    boolean signedWith(String secret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(
            new SecretKeySpec(
                Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        return signature != null && List.of(signature.split(" ")).contains(expected);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private String usersApiId() {
    for (JsonNode api : keygate.get("/api/v1/apis", rootKey).json().get("apis")) {
      if (api.get("audience").asText().equals("https://users.example.com")) {
        return api.get("id").asText();
      }
    }
    throw new AssertionError("the users api is not registered");
  }

  /** Add API key → Name, API, Scopes → Save; answers the key shown once. */
  private String addKey(String name, String... scopes) {
    browser.click(By.id("add-key"));
    browser.type(By.id("key-name"), name);
    browser.choose(By.id("key-api"), "Users API (https://users.example.com)");
    for (String scope : scopes) {
      browser.click(By.cssSelector("#key-scopes input[value='" + scope + "']"));
    }
    browser.screenshot("add-key-" + name.replaceAll("[^A-Za-z]+", "-").toLowerCase());
    browser.click(By.id("save-key"));
    String token = browser.find(By.id("issued-key-value")).getText();
    assertThat(token).matches(Cli.TOKEN.pattern());
    return token;
  }

  private String verify(String token) {
    return keygate
        .post("/api/v1/api_keys/verify", "{\"api_key\":\"" + token + "\"}", rootKey)
        .hasStatus(200)
        .text("/code");
  }
}
