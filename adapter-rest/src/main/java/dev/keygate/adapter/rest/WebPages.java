package dev.keygate.adapter.rest;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /console} (the operator's admin area) and {@code /portal} (a customer's own keys): static
 * pages shipped in the jar under {@code keygate-web/}, their style and their scripts (native ES
 * modules under {@code js/}, no build step) served from {@code /web}. Both only call the management
 * API with the key the person signed in with.
 */
public final class WebPages {

  static final String CONSOLE = "/console";
  static final String PORTAL = "/portal";
  static final String ASSETS = "/web";
  static final String FAVICON = "/favicon.ico";

  private static final String DIRECTORY = "/keygate-web";

  private static final String ICON = "image/svg+xml";

  /** The pages load only their own script and style, and may not be framed by another site. */
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
          + " form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

  private WebPages() {}

  /** The portal at {@code baseUrl}, carrying {@code token} in its fragment. */
  public static String portalUrl(String baseUrl, String token) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + PORTAL + "#" + token;
  }

  /**
   * The two pages, and the icon every browser asks for at {@code /favicon.ico}, as routes like the
   * others so that they are documented like them.
   */
  static List<Route> routes() {
    String console = read("console.html");
    String portal = read("portal.html");
    String icon = read("favicon.svg");
    return List.of(
        // An SVG under the name browsers ask for on their own; the pages name it with <link
        // rel=icon>.
        Route.of(HandlerType.GET, FAVICON, "The icon of the console and the portal")
            .produces(ICON)
            .answers(String.class, ctx -> icon(ctx, icon)),
        Route.of(HandlerType.GET, CONSOLE, "The operator's web console")
            .produces("text/html")
            .answers(String.class, ctx -> page(ctx, console)),
        Route.of(HandlerType.GET, PORTAL, "The self-service portal, opened from a portal link")
            .produces("text/html")
            .answers(String.class, ctx -> page(ctx, portal)));
  }

  /** Serves the pages' script and style from the jar. */
  static void register(JavalinConfig config) {
    config.staticFiles.add(
        files -> {
          files.hostedPath = ASSETS;
          files.directory = DIRECTORY;
          files.location = Location.CLASSPATH;
          files.headers = java.util.Map.of("X-Content-Type-Options", "nosniff");
          // The pages themselves only under /console and /portal, with their policy: served here
          // as plain files, they could be framed by another site.
          files.skipFileFunction = request -> request.getRequestURI().endsWith(".html");
        });
  }

  private static void icon(Context ctx, String svg) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType(ICON).result(svg);
  }

  private static void page(Context ctx, String html) {
    ctx.header("Content-Security-Policy", POLICY);
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-store");
    ctx.html(html);
  }

  private static String read(String name) {
    String resource = DIRECTORY.substring(1) + "/" + name;
    try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
