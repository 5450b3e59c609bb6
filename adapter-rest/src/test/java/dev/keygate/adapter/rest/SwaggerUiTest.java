package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SwaggerUiTest {

  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

  /** Keygate's own script that starts Swagger UI, beside the console's. */
  private static final String INITIALIZER = "/web/swagger-initializer.js";

  private final RestFixture rest = new RestFixture();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    rest.close();
  }

  @Test
  void docs_isSwaggerUiReadingOpenApiJson_withLocalAssetsOnly() {
    RestFixture.Answer page = rest.call("GET", "/docs", null, null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.response().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/html");
    assertThat(page.body()).doesNotContainIgnoringCase("http://").doesNotContain("https://");
    assertThat(assets(page.body()))
        .contains(INITIALIZER)
        .allSatisfy(
            asset -> assertThat(asset).matches("/(docs/assets|web)/[^/]+").doesNotContain("//"));
    HttpResponse<byte[]> initializer = get(INITIALIZER);
    assertThat(initializer.statusCode()).isEqualTo(200);
    assertThat(initializer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(initializer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(new String(initializer.body(), StandardCharsets.UTF_8))
        .contains("SwaggerUIBundle(", "url: \"/openapi.json\"")
        .doesNotContainIgnoringCase("http://")
        .doesNotContain("https://");
  }

  @Test
  void docs_isServedUnderAStrictPolicy_thatNoOtherSiteMayFrame() {
    RestFixture.Answer page = rest.call("GET", "/docs", null, null);

    HttpHeaders headers = page.response().headers();
    assertThat(headers.firstValue("Content-Security-Policy"))
        .hasValue(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " connect-src 'self'; form-action 'none'; base-uri 'none';"
                + " frame-ancestors 'none'");
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
    // No inline script: the policy allows none, so the page starts Swagger UI from a file.
    assertThat(page.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]");
  }

  @Test
  void docsAssets_answerTheWebjarsFiles_withTheirContentTypes() throws IOException {
    List<String> assets = assets(rest.call("GET", "/docs", null, null).body());
    assertThat(assets).contains("/docs/assets/swagger-ui.css", "/docs/assets/swagger-ui-bundle.js");

    for (String asset : assets) {
      if (asset.equals(INITIALIZER)) {
        continue;
      }
      HttpResponse<byte[]> answer = get(asset);
      assertThat(answer.statusCode()).as(asset).isEqualTo(200);
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(answer.headers().firstValue("Content-Type").orElse(""))
          .as(asset)
          .startsWith(expectedContentType(asset));
      assertThat(answer.body()).as(asset).isEqualTo(webjarFile(asset));
    }
  }

  @Test
  void theWebjarsDemoPage_isNotServed() {
    // It would load the petstore from another host.
    assertThat(get("/docs/assets/index.html").statusCode()).isEqualTo(404);
    assertThat(get("/docs/assets/swagger-initializer.js").statusCode()).isEqualTo(404);
  }

  @Test
  void webjarVersion_isReadFromTheClasspath() {
    String version = SwaggerUi.version();

    assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(
            getClass()
                .getClassLoader()
                .getResource(
                    "META-INF/resources/webjars/swagger-ui/" + version + "/swagger-ui.css"))
        .isNotNull();
  }

  private static List<String> assets(String page) {
    List<String> assets = new ArrayList<>();
    Matcher matcher = ASSET.matcher(page);
    while (matcher.find()) {
      assets.add(matcher.group(1));
    }
    return assets;
  }

  private static String expectedContentType(String asset) {
    if (asset.endsWith(".css")) {
      return "text/css";
    }
    if (asset.endsWith(".js")) {
      return "text/javascript";
    }
    if (asset.endsWith(".png")) {
      return "image/png";
    }
    throw new AssertionError("unexpected asset " + asset);
  }

  private static byte[] webjarFile(String asset) throws IOException {
    String name = asset.substring("/docs/assets/".length());
    String resource = "META-INF/resources/webjars/swagger-ui/" + SwaggerUi.version() + "/" + name;
    try (InputStream in = SwaggerUiTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return in.readAllBytes();
    }
  }

  private HttpResponse<byte[]> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(rest.base() + path)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
