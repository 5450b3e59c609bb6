package dev.keygate.adapter.rest;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code /docs}: Swagger UI reading {@code /openapi.json}, its assets served from the webjar on the
 * classpath under {@code /docs/assets} and started by Keygate's {@code swagger-initializer.js}
 * under {@code /web}; nothing is fetched from another host, and the page's policy says so.
 */
final class SwaggerUi {

  static final String PATH = "/docs";
  static final String ASSETS = PATH + "/assets";

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  /** The files the page uses; the webjar's demo page and its petstore initializer stay hidden. */
  private static final Set<String> SERVED =
      Set.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-16x16.png", "favicon-32x32.png");

  /**
   * Scripts, styles and requests from this server only, and no inline script; images also as {@code
   * data:} URLs, which is how swagger-ui.css draws its icons. No other site may frame the page,
   * where a management key is typed into Authorize.
   */
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  private static final String PAGE =
      """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>Keygate API</title>
        <link rel="stylesheet" href="%1$s/swagger-ui.css">
        <link rel="icon" type="image/png" sizes="32x32" href="%1$s/favicon-32x32.png">
        <link rel="icon" type="image/png" sizes="16x16" href="%1$s/favicon-16x16.png">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="%1$s/swagger-ui-bundle.js"></script>
        <script src="%2$s/swagger-initializer.js"></script>
      </body>
      </html>
      """
          .formatted(ASSETS, WebPages.ASSETS);

  private SwaggerUi() {}

  /** The page, as a route like the others so that it is documented like them. */
  static Route route() {
    return Route.of(HandlerType.GET, PATH, "Swagger UI for this API")
        .produces("text/html")
        .answers(
            String.class,
            ctx ->
                ctx.header("Content-Security-Policy", POLICY)
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .html(PAGE));
  }

  /** Serves the page's assets from the webjar. */
  static void register(JavalinConfig config) {
    String directory = "/" + WEBJAR + version();
    config.staticFiles.add(
        files -> {
          files.hostedPath = ASSETS;
          files.directory = directory;
          files.location = Location.CLASSPATH;
          files.headers = Map.of("X-Content-Type-Options", "nosniff");
          files.skipFileFunction =
              request -> {
                String path = request.getRequestURI();
                return !SERVED.contains(path.substring(path.lastIndexOf('/') + 1));
              };
        });
  }

  /** The webjar's version, read from its Maven metadata: the one place it is written. */
  static String version() {
    try (InputStream pom = SwaggerUi.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
      if (pom == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(pom);
      String version = properties.getProperty("version");
      if (version == null || version.isBlank()) {
        throw new IllegalStateException(WEBJAR_POM + " names no version");
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + WEBJAR_POM, e);
    }
  }
}
