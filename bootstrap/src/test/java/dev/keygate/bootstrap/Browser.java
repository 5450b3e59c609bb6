package dev.keygate.bootstrap;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, both named explicitly so that
 * Selenium Manager never looks for (or downloads) another; each step can leave a screenshot under
 * {@code target/screenshots/<suite>/}.
 */
final class Browser implements AutoCloseable {

  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;
  private final Path screenshots;
  private final WebDriverWait wait;
  private int step;

  Browser(String suite) {
    // The driver is given, so Selenium Manager is not consulted.
    System.setProperty(
        ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, ChromiumInstalled.CHROMEDRIVER.toString());
    try {
      profile = Files.createTempDirectory("keygate-chromium-");
      screenshots = Path.of("target", "screenshots", suite);
      deleteRecursively(screenshots);
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(ChromiumInstalled.CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(ChromiumInstalled.CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 1000));
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Saves the page as it is now, numbered in the order of the steps. */
  Path screenshot(String name) {
    step++;
    Path file = screenshots.resolve("%02d-%s.png".formatted(step, name));
    try {
      File taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Makes the window {@code width} by {@code height} CSS pixels, as a phone or a desktop is. */
  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /**
   * How many pixels the page is wider than the window, so that it scrolls sideways: 0 when all of
   * it fits, what a narrow screen needs.
   */
  long overflowsBy() {
    return (Long)
        script(
            "const d = document.documentElement;"
                + " return Math.max(0, d.scrollWidth - d.clientWidth);");
  }

  /** The elements that reach past the window's right edge, to say what widens a page. */
  String stickingOut() {
    return String.valueOf(
        script(
            "const w = document.documentElement.clientWidth;"
                + " return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > w + 0.5)"
                + ".slice(-5).map(e => e.tagName + '#' + e.id + '.' + e.className"
                + " + ' right ' + Math.round(e.getBoundingClientRect().right)).join(', ');"));
  }

  WebElement find(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the element is in the page, shown or not, such as an option of a closed list. */
  WebElement present(By by) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(by));
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  void type(By by, String text) {
    WebElement field = find(by);
    field.clear();
    field.sendKeys(text);
  }

  void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  void choose(By by, String visibleText) {
    new Select(find(by)).selectByVisibleText(visibleText);
  }

  void chooseValue(By by, String value) {
    new Select(find(by)).selectByValue(value);
  }

  /** Waits until the element's text contains {@code text}. */
  void waitForText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  void waitUntilGone(By by) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  /** The text of the element the API's error message is shown in, once shown. */
  String error() {
    return find(By.id("error")).getText();
  }

  /** The row of the key named {@code name} in the keys table. */
  WebElement keyRow(String name) {
    keysLoaded();
    By row = By.xpath("//table[@id='keys']//tr[td[@class='key-name' and text()='" + name + "']]");
    return find(row);
  }

  /** Waits until the row of key {@code name} shows {@code status}. */
  void waitForStatus(String name, String status) {
    keysLoaded();
    By cell =
        By.xpath(
            "//table[@id='keys']//tr[td[@class='key-name' and text()='"
                + name
                + "']]//span[contains(@class,'status')]");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(cell, status));
  }

  /**
   * Clicks {@code button} until the element {@code by} selects contains {@code text}: for a list
   * the page reads again only when asked, such as a delivery log.
   */
  void clickUntilText(By button, By by, String text) {
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            driver -> {
              click(button);
              List<WebElement> found = driver.findElements(by);
              return !found.isEmpty() && found.get(0).getText().contains(text);
            });
  }

  /** Waits until the keys table is not being reloaded. */
  void keysLoaded() {
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#keys-table:not([aria-busy])")));
  }

  /** Clicks the {@code action} button of key {@code name}, however often the list re-renders. */
  void clickKeyAction(String name, String action) {
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            driver -> {
              keyRow(name).findElement(By.cssSelector("button." + action)).click();
              return true;
            });
  }

  /**
   * Fills the first row of the rate limits editor whose ids start with {@code editor} ("key",
   * "owner"): {@code limit} uses per {@code windows} times the unit of {@code unitSeconds} seconds.
   */
  void fillRateLimit(String editor, String name, long limit, long windows, String unitSeconds) {
    type(By.id(editor + "-limit-name-1"), name);
    type(By.id(editor + "-limit-count-1"), String.valueOf(limit));
    type(By.id(editor + "-limit-window-1"), String.valueOf(windows));
    chooseValue(By.id(editor + "-limit-window-1-unit"), unitSeconds);
  }

  /**
   * The segments of the last (current) bar of the usage chart {@code figure} selects, as outcome →
   * count from their SVG attributes, bottom up.
   */
  @SuppressWarnings("unchecked")
  Map<String, String> lastBar(String figure) {
    find(By.cssSelector(figure + " svg.bars"));
    List<List<String>> segments =
        (List<List<String>>)
            script(
                "const bars = document.querySelectorAll(arguments[0] + ' g.bucket');"
                    + " return [...bars[bars.length - 1].querySelectorAll('rect')]"
                    + ".map(r => [r.dataset.outcome, r.dataset.count]);",
                figure);
    Map<String, String> bar = new LinkedHashMap<>();
    segments.forEach(segment -> bar.put(segment.get(0), segment.get(1)));
    return bar;
  }

  /**
   * From the next page on, keeps every Content-Security-Policy violation the page reports, for
   * {@link #cspViolations}: the listener is installed before any of the page's own scripts run.
   */
  void recordCspViolations() {
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        Map.of(
            "source",
            """
            window.keygateCspViolations = [];
            document.addEventListener("securitypolicyviolation", (e) =>
              window.keygateCspViolations.push(
                e.effectiveDirective + " refused " + (e.blockedURI || "?")
                  + " from " + (e.sourceFile || "?") + ":" + e.lineNumber));
            """));
  }

  /** The violations the page reported since it loaded, as {@code directive refused what}. */
  List<String> cspViolations() {
    Object recorded = script("return window.keygateCspViolations");
    if (!(recorded instanceof List<?> violations)) {
      throw new IllegalStateException("recordCspViolations() was not called before the page");
    }
    return violations.stream().map(String::valueOf).toList();
  }

  Object script(String javascript, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(javascript, args);
  }

  Object asyncScript(String javascript, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(javascript, args);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteRecursively(profile);
    }
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
