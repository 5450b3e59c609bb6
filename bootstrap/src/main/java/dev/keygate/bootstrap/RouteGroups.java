package dev.keygate.bootstrap;

import dev.keygate.adapter.rest.ApiKeyRoutes;
import dev.keygate.adapter.rest.RouteGroup;
import dev.keygate.application.service.KeygateServices;
import java.util.List;

/** Every route group of the REST API, each given the use cases it serves: one line per group. */
final class RouteGroups {

  private RouteGroups() {}

  static List<RouteGroup> all(KeygateServices services) {
    return List.of(
        new ApiKeyRoutes(
            services.createApiKey(),
            services.getApiKey(),
            services.listApiKeys(),
            services.rotateApiKey(),
            services.revokeApiKey(),
            services.updateApiKey(),
            services.verifyApiKey()));
  }
}
