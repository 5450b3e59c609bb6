package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The console and the portal in headless Chromium against {@code keygate serve}: their ES modules
 * load and run under the pages' Content-Security-Policy, which the browser enforces and which never
 * has to refuse anything of theirs.
 */
@ExtendWith(ChromiumInstalled.class)
class WebPagesBrowserTest {

  @TempDir Path directory;

  private ServingKeygate keygate;
  private Browser browser;
  private String rootKey;
  private String base;

  @BeforeEach
  void serveAndOpenABrowser() {
    keygate = ServingKeygate.serve(directory);
    rootKey = keygate.printedTokens().get(0);
    base = "http://127.0.0.1:" + keygate.server().port();
    browser = new Browser("web-pages");
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
  void consoleAndPortal_runTheirModules_andTheBrowserRefusesNothingOfTheirs() {
    keygate
        .post("/api/v1/organization", "{\"name\":\"Acme\",\"code\":\"org_acme\"}", rootKey)
        .hasStatus(200);
    keygate
        .post("/api/v1/applications", "{\"name\":\"Billing sync\",\"type\":\"m2m\"}", rootKey)
        .hasStatus(201);
    browser.recordCspViolations();

    browser.open(base + "/console");
    browser.type(By.id("management-key"), rootKey);
    browser.find(By.id("management-key")).sendKeys(Keys.ENTER);
    browser.click(By.cssSelector("tr[data-owner-id='org_acme'] button.open-owner"));
    browser.find(By.id("grants-title"));
    browser.keysLoaded();
    browser.click(By.id("nav-applications"));
    browser.click(By.cssSelector("button[aria-label='Open application Billing sync']"));
    browser.find(By.id("application-apis"));
    assertThat(browser.cspViolations()).isEmpty();
    assertPolicyInForce();

    String link = keygate.portalLink("org_acme", rootKey);
    browser.open(link);
    browser.find(By.id("session-ends"));
    browser.keysLoaded();
    assertThat(browser.cspViolations()).isEmpty();
    assertPolicyInForce();
  }

  /** A script written into the page does not run, and is reported. */
  private void assertPolicyInForce() {
    Object ran =
        browser.script(
            "const s = document.createElement('script');"
                + " s.textContent = 'window.injected = true';"
                + " document.body.appendChild(s);"
                + " return window.injected === true;");
    assertThat(ran).isEqualTo(false);
    assertThat(browser.cspViolations()).singleElement().asString().startsWith("script-src");
  }
}
