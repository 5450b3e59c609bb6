package dev.keygate.adapter.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The OpenAPI 3 description of the routes, built from the same records that serve them. */
final class OpenApiDocument {

  private OpenApiDocument() {}

  static Map<String, Object> describe(List<Route> routes) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route route : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> operations =
          (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
      operations.put(
          route.method().name().toLowerCase(Locale.ROOT), Map.of("summary", route.summary()));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.0.3");
    document.put("info", Map.of("title", "Keygate", "version", "1"));
    document.put("paths", paths);
    return document;
  }
}
