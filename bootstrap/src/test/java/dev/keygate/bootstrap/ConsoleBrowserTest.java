package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * it and rotate its secret; every step through the page as a person does it.
 */
@ExtendWith(ChromiumInstalled.class)
class ConsoleBrowserTest {

  /** The applications list, once loaded. */
  private static final By LOADED = By.cssSelector("#applications-table:not([aria-busy])");

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
                : name.contains("Policy") ? "console-policy" : "console");
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
