package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.KeygateUseCases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every route group of the management API, and the token endpoint of M2M applications, each given
 * the use cases it serves: the one place where the REST adapter is wired to the application.
 */
public final class ManagementRoutes {

  private ManagementRoutes() {}

  /**
   * @param portalLinkTtl how long a portal link works once made
   * @param publicUrl the base of the links the server makes
   */
  public static List<RouteGroup> of(
      KeygateUseCases useCases, Duration portalLinkTtl, Supplier<String> publicUrl) {
    return of(useCases, portalLinkTtl, publicUrl, Clock.systemUTC());
  }

  /**
   * @param clock the application's, for the seconds a refused client is told to wait
   */
  public static List<RouteGroup> of(
      KeygateUseCases useCases, Duration portalLinkTtl, Supplier<String> publicUrl, Clock clock) {
    return List.of(
        new ApiKeyRoutes(
            useCases.createApiKey(),
            useCases.getApiKey(),
            useCases.listApiKeys(),
            useCases.rotateApiKey(),
            useCases.revokeApiKey(),
            useCases.updateApiKey(),
            useCases.verifyApiKey(),
            useCases.getOwnerName(),
            clock),
        new RateLimitRoutes(useCases.ownerRateLimits()),
        new UsageRoutes(useCases.getUsage()),
        new ApiRoutes(
            useCases.registerApi(),
            useCases.listApis(),
            useCases.getApi(),
            useCases.deleteApi(),
            useCases.listScopes()),
        new ScopeRoutes(
            useCases.addScope(),
            useCases.listScopes(),
            useCases.getScope(),
            useCases.updateScope(),
            useCases.deleteScope()),
        new OwnerRoutes(useCases),
        new AuditRoutes(useCases.listAuditEvents()),
        new GrantRoutes(useCases.listGrants(), useCases.setGrant(), useCases.removeGrant()),
        new PortalLinkRoutes(useCases.createPortalLink(), portalLinkTtl, publicUrl),
        new ApplicationRoutes(
            useCases.createApplication(),
            useCases.listApplications(),
            useCases.getApplication(),
            useCases.updateApplication(),
            useCases.deleteApplication(),
            useCases.rotateApplicationSecret(),
            useCases.authorizeApplications(),
            useCases.addApplicationScope(),
            useCases.removeApplicationScope()),
        new WebhookRoutes(
            useCases.createWebhook(),
            useCases.listWebhooks(),
            useCases.getWebhook(),
            useCases.updateWebhook(),
            useCases.deleteWebhook(),
            useCases.rotateWebhookSecret(),
            useCases.listDeliveries(),
            useCases.redeliver()),
        new LeakRoutes(useCases.reportLeakedTokens(), useCases.revokeLeakedTokens()),
        new TokenRoutes(useCases.issueAccessToken(), useCases.publishSigningKeys(), publicUrl));
  }
}
