package dev.keygate.application.service;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.util.Optional;

/**
 * The reach of a caller over applications: the operator reaches every application, an organization
 * admin those of its organization, and a user's key none. An application out of reach answers as
 * one that does not exist.
 */
final class Applications {

  private static final Owner OPERATOR = new Owner.Org(Organization.OPERATOR_CODE);

  private final ApplicationRepository applications;
  private final ApiRepository apis;
  private final Authorization authorization;
  private final AuditTrail trail;

  Applications(
      ApplicationRepository applications,
      ApiRepository apis,
      Authorization authorization,
      AuditTrail trail) {
    this.applications = applications;
    this.apis = apis;
    this.authorization = authorization;
    this.trail = trail;
  }

  /** Refuses (403) a principal confined to a user: applications act for organizations only. */
  void requireOrganizationOrOperator(Principal principal, AuditAction action, String target) {
    if (principal.confinement().isPresent()
        && !(principal.confinement().get() instanceof Owner.Org)) {
      String reason = "a user's key cannot manage applications";
      trail.refused(principal, action, target, reason);
      throw new ForbiddenException(reason);
    }
  }

  /** The application when it exists and lies within reach, else a 404 that reads the same. */
  Application reachable(Principal principal, ApplicationId id, AuditAction action) {
    Optional<Application> found = applications.findById(id);
    if (found.isPresent() && reaches(principal, found.get())) {
      return found.get();
    }
    if (found.isPresent()) {
      trail.refused(principal, action, id.value(), "application out of reach");
    }
    throw new NotFoundException("application " + id + " not found");
  }

  /**
   * Authority only shrinks: refuses (403) an application that would hold, for any API it is
   * authorized for, more than the caller may hand out: on the management API, a scope the caller
   * does not hold or a life past the caller's; on another API, what the operator did not grant the
   * application's organization (the operator itself is not held to grants).
   */
  void requireWithin(
      Principal principal, Application application, AuditAction action, String what) {
    for (ApiId apiId :
        application.apis().stream().sorted(java.util.Comparator.comparing(ApiId::value)).toList()) {
      Api api =
          apis.findById(apiId)
              .orElseThrow(() -> new NotFoundException("api " + apiId + " not found"));
      authorization.requireWithin(
          principal,
          api,
          ownerOf(application),
          application.scopesOf(apiId),
          application.expiresOn(),
          action,
          application.id().value(),
          what);
    }
  }

  static boolean reaches(Principal principal, Application application) {
    return principal.isOperator() || principal.covers(ownerOf(application));
  }

  /** The owner whose trail the application's events belong to, and whose grants bound it. */
  static Owner ownerOf(Application application) {
    return application.owner().orElse(OPERATOR);
  }
}
