package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.AuthenticateUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.domain.KeygateException;
import dev.keygate.wire.WireJson;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keygate's HTTP server: the management API under {@code /api/v1} behind bearer-key authentication,
 * with {@code /health}, {@code /health/live}, {@code /metrics}, {@code /openapi.json}, {@code
 * /docs}, and the web console and portal. Built from route groups that receive their use cases.
 */
public final class RestServer {

  /** The largest request body accepted: 64 KiB. */
  public static final int MAX_REQUEST_BYTES = 64 * 1024;

  private static final Logger ACCESS = LoggerFactory.getLogger("keygate.access");
  private static final Set<HandlerType> WITH_BODY =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH);

  private RestServer() {}

  /**
   * What the server needs besides its routes.
   *
   * @param databaseUp answers {@code /health}
   * @param prometheusScrape the text {@code /metrics} answers; empty when this server has no {@code
   *     /metrics}, because they are served on a listener of their own ({@link #createMetrics}) or
   *     not at all
   * @param meters where request timings are recorded
   */
  public record Services(
      AuthenticateUseCase authenticate,
      BooleanSupplier databaseUp,
      Optional<Supplier<String>> prometheusScrape,
      MeterRegistry meters) {

    public Services {
      Objects.requireNonNull(authenticate, "authenticate");
      Objects.requireNonNull(databaseUp, "database up");
      Objects.requireNonNull(prometheusScrape, "prometheus scrape");
      Objects.requireNonNull(meters, "meters");
    }
  }

  /** A server of plain HTTP ready to {@code start(host, port)}, not yet listening. */
  public static Javalin create(Services services, List<RouteGroup> groups) {
    return create(services, groups, Optional.empty());
  }

  /**
   * A server ready to {@code start(host, port)}, not yet listening: HTTPS with {@code tls} when
   * given (TLS 1.2 or 1.3, and no plain HTTP on that port), else plain HTTP.
   */
  public static Javalin create(
      Services services, List<RouteGroup> groups, Optional<TlsIdentity> tls) {
    List<Route> routes = new ArrayList<>();
    groups.forEach(group -> routes.addAll(group.routes()));
    routes.addAll(new OperationalRoutes(services).routes());
    routes.add(SwaggerUi.route());
    routes.addAll(WebPages.routes());
    // Last, so that the document describes every route, itself included.
    routes.add(OpenApiDocument.route(routes));
    Set<String> open = new java.util.HashSet<>();
    routes.stream()
        .filter(route -> route.isUnderManagementApi() && !route.isManagement())
        .forEach(route -> open.add(route.method().name() + " " + route.path()));
    return Javalin.create(
        config -> {
          configure(config, services.meters());
          tls.ifPresent(identity -> HttpsConnector.install(config.jetty, identity));
          // Only where a route matches: a path Keygate does not serve answers 404
          // ROUTE_NOT_FOUND (405 for another method), whatever its body or bearer, as Kinde's
          // routes it does not serve are told apart from refusals.
          config.routes.beforeMatched(
              Route.MANAGEMENT_API + "/*",
              ctx -> {
                if (!isOpen(ctx, open)) {
                  guardManagementCall(ctx, services);
                }
              });
          for (Route route : routes) {
            config.routes.addHttpHandler(route.method(), route.path(), handlerOf(route));
          }
          SwaggerUi.register(config);
          WebPages.register(config);
        });
  }

  /**
   * The route's handler; on the management API, behind the refusal of a query parameter the route
   * does not declare, as an unknown body field is refused: a filter a client believes applied but
   * that was ignored would silently widen what it reads or changes.
   */
  private static io.javalin.http.Handler handlerOf(Route route) {
    if (!route.isManagement()) {
      return route.handler();
    }
    Set<String> declared = new java.util.HashSet<>();
    route.query().forEach(parameter -> declared.add(parameter.name()));
    return ctx -> {
      Requests.refuseUndeclaredQuery(ctx, declared);
      route.handler().handle(ctx);
    };
  }

  /**
   * A server of {@code /metrics} alone, not yet listening, for a listener that only Prometheus
   * reaches: every other path answers 404.
   */
  public static Javalin createMetrics(Supplier<String> prometheusScrape, MeterRegistry meters) {
    Route metrics = OperationalRoutes.metrics(prometheusScrape);
    return Javalin.create(
        config -> {
          configure(config, meters);
          config.routes.addHttpHandler(metrics.method(), metrics.path(), metrics.handler());
        });
  }

  /** What every listener shares: JSON, limits, the access log and the error answers. */
  private static void configure(JavalinConfig config, MeterRegistry meters) {
    config.startup.showJavalinBanner = false;
    config.jsonMapper(new JavalinJackson(WireJson.mapper(), false));
    config.http.maxRequestSize = MAX_REQUEST_BYTES;
    // Answers are small JSON; Javalin's check whether an answer may be compressed cost a tenth of
    // a verification's CPU. A proxy in front compresses if it is worth it.
    config.http.compressionStrategy = CompressionStrategy.NONE;
    config.router.ignoreTrailingSlashes = true;
    config.requestLogger.http((ctx, millis) -> observe(ctx, millis, meters));
    ErrorMapping.register(config);
  }

  /**
   * Whether the route the request matched is one that anyone may call under {@code /api/v1}: the
   * route itself, by its method and template, never a prefix of the path, so that no path can pass
   * for it.
   */
  private static boolean isOpen(Context ctx, Set<String> open) {
    io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched != null && open.contains(matched.method.name() + " " + matched.path);
  }

  /** Refuses wrongly typed or oversized bodies, then authenticates the bearer key. */
  private static void guardManagementCall(Context ctx, Services services) {
    if (WITH_BODY.contains(ctx.method())) {
      if (ctx.contentLength() > MAX_REQUEST_BYTES) {
        throw Requests.tooLarge(ctx.bodyInputStream());
      }
      boolean hasBody = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
      if (hasBody && !isJson(ctx.contentType())) {
        throw new io.javalin.http.UnsupportedMediaTypeResponse();
      }
    }
    // A second Authorization header makes the request ambiguous: a proxy may read the other one.
    if (Collections.list(ctx.req().getHeaders("Authorization")).size() > 1) {
      throw new UnauthorizedException("send one Authorization header, not several");
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new UnauthorizedException("a bearer management key is required");
    }
    String bearer = header.substring(7).strip();
    if (ctx.method() == HandlerType.POST && ctx.path().equals(ApiKeyRoutes.VERIFY)) {
      refuseKnownGuess(ctx, services, bearer);
    }
    Optional<Principal> principal =
        services.authenticate().authenticate(bearer, Optional.of(ctx.ip()));
    Principals.set(
        ctx,
        principal.orElseThrow(
            () -> new UnauthorizedException("the bearer management key is not valid")));
    // The answer depends on the opt-in: a cache between must not hand one caller's to another.
    ctx.header("Vary", Extensions.HEADER);
    Extensions.requested(ctx);
  }

  /**
   * Refuses a guess at a locked-out lookup before the bearer's full authentication, when the bearer
   * is a management key the node knows (see {@link AuthenticateUseCase#refuseKnownGuess}): a flood
   * of such guesses then costs the server less than the verifications it competes with. A body that
   * is not a verify request goes the full way, to be refused in the usual order; one that is too
   * large is refused here (413), as a too large declared length is above.
   */
  private static void refuseKnownGuess(Context ctx, Services services, String bearer) {
    VerifyApiKeyCommand command;
    try {
      command = ApiKeyRoutes.verifyCommand(ctx);
    } catch (KeygateException notARequest) {
      return;
    }
    services.authenticate().refuseKnownGuess(bearer, command);
  }

  /**
   * Whether a Content-Type names JSON: {@code application/json}, in any case, with or without
   * parameters such as a charset. Not a type that merely starts the same, like {@code
   * application/jsonx}.
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return mediaType.strip().equalsIgnoreCase(Route.JSON);
  }

  /** Times the request and writes the access log. */
  private static void observe(Context ctx, Float millis, MeterRegistry meters) {
    Timer.builder("keygate.http.requests")
        .description("HTTP requests by method, route template and status")
        .tag("method", ctx.method().name())
        .tag("route", routeOf(ctx))
        .tag("status", String.valueOf(ctx.statusCode()))
        .register(meters)
        .record(java.time.Duration.ofNanos((long) (millis * 1_000_000)));
    // Method, path, status, time and address only: never a header, a query string, a body, a
    // path parameter or a path segment that may be a secret.
    ACCESS.info(
        "{} {} {} {}ms {}",
        ctx.method(),
        LoggedPath.of(ctx.path()),
        ctx.statusCode(),
        Math.round(millis),
        ctx.ip());
  }

  /** The route template, so that metrics do not grow a series per key id. */
  private static String routeOf(Context ctx) {
    try {
      return ctx.endpoint().path;
    } catch (RuntimeException unmatched) {
      return "unmatched";
    }
  }
}
