package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's and the portal's pages and the ES modules they run, read over HTTP without a
 * browser: what a browser needs before it runs a module (a JavaScript content type, every import
 * served) and the policy that keeps the pages to their own scripts.
 */
class WebPagesTest {

  private static final List<String> PAGES = List.of("/console", "/portal");

  private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>([^<]*)</script>");

  /** A module's static imports: {@code import {…} from "./x.js";} and {@code import "./x.js";}. */
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:[^;\"]*?\\sfrom\\s*)?\"([^\"]+)\";", Pattern.MULTILINE);

  private final RestFixture rest = new RestFixture();

  @AfterEach
  void stop() {
    rest.close();
  }

  @Test
  void eachPage_runsOneModuleScriptOfItsOwn_andNoInlineScript() {
    for (String page : PAGES) {
      Matcher scripts = SCRIPT.matcher(rest.get(page).body());
      List<String> found = new ArrayList<>();
      while (scripts.find()) {
        assertThat(scripts.group(2)).as(page + " inline script").isBlank();
        found.add(scripts.group(1).strip());
      }

      assertThat(found).as(page).containsExactly("type=\"module\" src=\"/web/js" + page + ".js\"");
    }
  }

  @Test
  void thePagesFiles_areNotServedAsPlainFiles_whereNoPolicyWouldKeepThemFromBeingFramed() {
    for (String file : List.of("/web/console.html", "/web/portal.html")) {
      assertThat(rest.get(file).status()).as(file).isEqualTo(404);
    }
    assertThat(rest.get("/web/keygate.css").status()).isEqualTo(200);
  }

  @Test
  void eachPage_isServedUnderAPolicyThatAllowsItsOwnScriptsOnly() {
    for (String page : PAGES) {
      RestFixture.Answer answer = rest.get(page);

      assertThat(answer.status()).as(page).isEqualTo(200);
      assertThat(answer.response().headers().firstValue("Content-Security-Policy"))
          .as(page)
          .hasValue(
              "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
                  + " img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'");
      assertThat(answer.response().headers().firstValue("X-Content-Type-Options"))
          .hasValue("nosniff");
    }
  }

  @Test
  void theIconBrowsersAskFor_isServed_andEachPageNamesIt() {
    RestFixture.Answer icon = rest.get("/favicon.ico");

    assertThat(icon.status()).isEqualTo(200);
    assertThat(icon.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
    assertThat(icon.body()).startsWith("<svg ").contains("</svg>");
    for (String page : PAGES) {
      assertThat(rest.get(page).body())
          .as(page)
          .contains("<link rel=\"icon\" href=\"/favicon.ico\" type=\"image/svg+xml\">");
    }
  }

  @Test
  void everyModuleThePagesImport_isServedAsJavaScript_andEveryModuleIsImported() {
    Set<String> reached = new TreeSet<>();
    Deque<String> toFetch = new ArrayDeque<>();
    PAGES.forEach(page -> toFetch.add("/web/js" + page + ".js"));
    while (!toFetch.isEmpty()) {
      String module = toFetch.remove();
      if (!reached.add(module)) {
        continue;
      }
      RestFixture.Answer answer = fetchModule(module);

      // A browser refuses to run a module served with any other type.
      assertThat(answer.status()).as(module).isEqualTo(200);
      assertThat(answer.response().headers().firstValue("Content-Type"))
          .as(module)
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
      assertThat(answer.response().headers().firstValue("X-Content-Type-Options"))
          .as(module)
          .hasValue("nosniff");
      Matcher imports = IMPORT.matcher(answer.body());
      while (imports.find()) {
        String imported = URI.create(module).resolve(imports.group(1)).getPath();
        // Relative to the module, so the same origin, which is all script-src 'self' allows.
        assertThat(imports.group(1)).as(module).startsWith("./");
        toFetch.add(imported);
      }
    }

    assertThat(reached)
        .containsExactlyInAnyOrderElementsOf(
            moduleFiles().stream().map(name -> "/web/js/" + name).toList());
  }

  @Test
  void aModule_isAskedForAgainEachTime_soThatAnUpgradeIsNeverHalfLoaded() {
    RestFixture.Answer first = fetchModule("/web/js/api.js");
    String etag = first.response().headers().firstValue("ETag").orElseThrow();

    // No freshness lifetime: the browser revalidates, and an unchanged module costs a 304.
    assertThat(first.response().headers().firstValue("Cache-Control")).isEmpty();
    RestFixture.Answer again =
        rest.send(
            HttpRequest.newBuilder(URI.create(rest.base() + "/web/js/api.js"))
                .header("If-None-Match", etag)
                .build());
    assertThat(again.status()).isEqualTo(304);
  }

  /** Asks for a module as a browser does: in CORS mode, from the page's own origin. */
  private RestFixture.Answer fetchModule(String path) {
    return rest.send(
        HttpRequest.newBuilder(URI.create(rest.base() + path))
            .header("Origin", rest.base())
            .header("Sec-Fetch-Mode", "cors")
            .header("Sec-Fetch-Dest", "script")
            .build());
  }

  /** The module files shipped under {@code keygate-web/js}. */
  private static List<String> moduleFiles() {
    try (Stream<Path> files =
        Files.list(
            Path.of(WebPagesTest.class.getClassLoader().getResource("keygate-web/js").toURI()))) {
      return files.map(file -> file.getFileName().toString()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
