package dev.keygate.adapter.rest;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /health}, {@code /health/live} and (unless it has a listener of its own) {@code /metrics}:
 * for load balancers and Prometheus.
 */
final class OperationalRoutes implements RouteGroup {

  private static final String UP = "UP";
  private static final String DOWN = "DOWN";

  private final RestServer.Services services;

  OperationalRoutes(RestServer.Services services) {
    this.services = services;
  }

  /** {@code /health}: the process and its database. */
  record Health(String status, String database) {}

  /** {@code /health/live}: the process alone. */
  record Liveness(String status) {}

  @Override
  public List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    routes.add(
        Route.of(HandlerType.GET, "/health", "Whether the server and its database answer")
            .fails(503, "The database does not answer.", Health.class)
            .answers(Health.class, this::health));
    routes.add(
        Route.of(HandlerType.GET, "/health/live", "Whether the server process answers")
            .answers(Liveness.class, ctx -> ctx.json(new Liveness(UP))));
    services.prometheusScrape().ifPresent(scrape -> routes.add(metrics(scrape)));
    return routes;
  }

  /** {@code /metrics}, answering {@code scrape}. */
  static Route metrics(Supplier<String> scrape) {
    return Route.of(HandlerType.GET, "/metrics", "Metrics in Prometheus' text format")
        .produces("text/plain")
        .answers(
            String.class,
            ctx ->
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape.get()));
  }

  private void health(Context ctx) {
    boolean up = services.databaseUp().getAsBoolean();
    ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    ctx.json(new Health(up ? UP : DOWN, up ? UP : DOWN));
  }
}
