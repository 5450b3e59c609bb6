package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Swagger UI at {@code /docs} in headless Chromium against {@code keygate serve}: it shows and runs
 * the API's operations under the page's Content-Security-Policy, which the browser enforces and
 * which it never has to refuse anything of Swagger UI's.
 */
@ExtendWith(ChromiumInstalled.class)
class DocsBrowserTest {

  @TempDir Path directory;

  private ServingKeygate keygate;
  private Browser browser;
  private String base;

  @BeforeEach
  void serveAndOpenABrowser() {
    keygate = ServingKeygate.serve(directory);
    base = "http://127.0.0.1:" + keygate.server().port();
    browser = new Browser("docs");
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
  void docs_showsAndRunsTheOperations_andTheBrowserRefusesNothingOfSwaggerUi() {
    browser.recordCspViolations();
    browser.open(base + "/docs");

    browser.find(By.cssSelector(".opblock-summary-path[data-path='/api/v1/api_keys']"));
    assertThat(browser.all(By.cssSelector(".opblock")).size()).isGreaterThan(20);
    browser.screenshot("operations");

    // Open one operation and run it: the request goes out, the answer is highlighted.
    browser.click(By.cssSelector("#operations-operations-getHealthLive .opblock-summary-control"));
    browser.click(By.cssSelector("#operations-operations-getHealthLive .try-out__btn"));
    browser.click(By.cssSelector("#operations-operations-getHealthLive .execute"));
    browser.waitForText(
        By.cssSelector(
            "#operations-operations-getHealthLive .live-responses-table tbody .response-col_status"),
        "200");
    browser.waitForText(
        By.cssSelector("#operations-operations-getHealthLive .live-responses-table"), "UP");
    browser.script(
        "arguments[0].scrollIntoView()",
        browser.find(By.cssSelector("#operations-operations-getHealthLive .live-responses-table")));
    browser.screenshot("health-live-run");

    assertThat(browser.cspViolations()).isEmpty();

    // The policy is in force: a script written into the page does not run, and is reported.
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
