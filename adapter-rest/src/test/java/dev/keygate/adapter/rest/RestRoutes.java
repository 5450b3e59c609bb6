package dev.keygate.adapter.rest;

import dev.keygate.application.service.KeygateServices;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every route group of the management API, each given the use cases it serves, as bootstrap wires
 * them.
 */
final class RestRoutes {

  private RestRoutes() {}

  /**
   * @param publicUrl the base of the links the server makes
   */
  static List<RouteGroup> all(KeygateServices services, Supplier<String> publicUrl) {
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
        new PortalLinkRoutes(services.createPortalLink(), Duration.ofMinutes(15), publicUrl));
  }
}
