package dev.keygate.bootstrap;

import dev.keygate.adapter.rest.ApiKeyRoutes;
import dev.keygate.adapter.rest.ApiRoutes;
import dev.keygate.adapter.rest.AuditRoutes;
import dev.keygate.adapter.rest.GrantRoutes;
import dev.keygate.adapter.rest.OwnerRoutes;
import dev.keygate.adapter.rest.PortalLinkRoutes;
import dev.keygate.adapter.rest.RouteGroup;
import dev.keygate.adapter.rest.ScopeRoutes;
import dev.keygate.application.service.KeygateServices;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Every route group of the REST API, each given the use cases it serves: one line per group. */
final class RouteGroups {

  private RouteGroups() {}

  /**
   * @param portalLinkTtl how long a portal link works once made
   * @param publicUrl the base of the links the server makes
   */
  static List<RouteGroup> all(
      KeygateServices services, Duration portalLinkTtl, Supplier<String> publicUrl) {
    return List.of(
        new ApiKeyRoutes(
            services.createApiKey(),
            services.getApiKey(),
            services.listApiKeys(),
            services.rotateApiKey(),
            services.revokeApiKey(),
            services.updateApiKey(),
            services.verifyApiKey()),
        new ApiRoutes(
            services.registerApi(),
            services.listApis(),
            services.getApi(),
            services.deleteApi(),
            services.listScopes()),
        new ScopeRoutes(
            services.addScope(),
            services.listScopes(),
            services.getScope(),
            services.updateScope(),
            services.deleteScope()),
        new OwnerRoutes(
            services.createOrganization(),
            services.listOrganizations(),
            services.createUser(),
            services.listUsers()),
        new AuditRoutes(services.listAuditEvents()),
        new GrantRoutes(services.listGrants(), services.setGrant(), services.removeGrant()),
        new PortalLinkRoutes(services.createPortalLink(), portalLinkTtl, publicUrl));
  }
}
