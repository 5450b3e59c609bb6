package dev.keygate.wire;

import dev.keygate.application.port.in.AuthorizedApplications;
import dev.keygate.application.port.in.CreatedApplication;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.owner.OrgCode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of M2M applications, as Kinde's {@code /api/v1/applications} answers. The client secret
 * is written only in the answers that create or rotate it.
 */
public final class ApplicationResponses {

  /** Kinde's type of every application Keygate makes. */
  public static final String M2M = "m2m";

  private ApplicationResponses() {}

  /** An application with its new secret: {@code {id, client_id, client_secret}}. */
  public record WithSecret(String id, String clientId, String clientSecret) {
    /** Never the secret. */
    @Override
    public String toString() {
      return "WithSecret[" + id + "]";
    }
  }

  /** {@code POST /api/v1/applications} and Keygate's rotate-secret. */
  public record Created(String code, String message, WithSecret application) {}

  /**
   * An application as listed with the opt-in: Kinde's {@code {id, name, type}}, and Keygate's
   * {@code org_code} (for an organization's application) and {@code created_on}.
   */
  public record Listed(
      String id, String name, String type, Optional<String> orgCode, Instant createdOn) {

    /** Kinde's {@code applications} item. */
    public KindeListed kinde() {
      return new KindeListed(id, name, type);
    }
  }

  /** An application as Kinde's {@code applications} schema declares it. */
  public record KindeListed(String id, String name, String type) {}

  public record ApplicationsListed(
      String code, String message, List<Listed> applications, Optional<String> nextToken) {

    /** Kinde's {@code get_applications_response}. */
    public KindeApplicationsListed kinde() {
      return new KindeApplicationsListed(
          code, message, applications.stream().map(Listed::kinde).toList(), nextToken);
    }
  }

  /** The list as Kinde's {@code get_applications_response} declares it. */
  public record KindeApplicationsListed(
      String code, String message, List<KindeListed> applications, Optional<String> nextToken) {}

  /**
   * An application as read with the opt-in; its secret is never read back. Besides Kinde's fields,
   * Keygate answers {@code org_code}, {@code created_on} and {@code apis}: the APIs it is
   * authorized for, each with the scopes granted to it there.
   */
  public record Details(
      String id,
      String name,
      String type,
      String clientId,
      Optional<String> orgCode,
      Instant createdOn,
      List<AuthorizedApi> apis) {

    /** Kinde's {@code application} of {@code get_application_response}, without a secret. */
    public KindeDetails kinde() {
      return new KindeDetails(id, name, type, clientId);
    }
  }

  /** An application as Kinde's {@code get_application_response} declares it, without a secret. */
  public record KindeDetails(String id, String name, String type, String clientId) {}

  /** An API an application is authorized for, and the scopes it was granted there. */
  public record AuthorizedApi(String id, List<ApiResponses.ScopeView> scopes) {}

  public record OneApplication(String code, String message, Details application) {

    /** Kinde's {@code get_application_response}. */
    public KindeOne kinde() {
      return new KindeOne(code, message, application.kinde());
    }
  }

  /** One application as Kinde's {@code get_application_response} declares it. */
  public record KindeOne(String code, String message, KindeDetails application) {}

  /** {@code PATCH /api/v1/apis/{api_id}/applications}. */
  public record Authorized(
      String message,
      String code,
      List<String> applicationsDisconnected,
      List<String> applicationsConnected) {}

  public static Created created(CreatedApplication created) {
    return new Created("OK", "Application created", withSecret(created));
  }

  public static Created rotated(CreatedApplication rotated) {
    return new Created("OK", "Client secret rotated", withSecret(rotated));
  }

  /** A page of applications in {@code order}, with the token of the next page if one follows. */
  public static ApplicationsListed listed(Page<Application> applications, ListOrder order) {
    return new ApplicationsListed(
        "OK",
        "Success",
        applications.items().stream()
            .map(
                application ->
                    new Listed(
                        application.id().value(),
                        application.name(),
                        M2M,
                        application.org().map(OrgCode::value),
                        application.createdOn()))
            .toList(),
        PageTokens.next(
            applications,
            application -> order.cursorOf(application.name(), application.id().value())));
  }

  public static OneApplication one(Application application) {
    String id = application.id().value();
    List<AuthorizedApi> apis =
        application.apis().stream()
            .map(ApiId::value)
            .sorted()
            .map(api -> new AuthorizedApi(api, scopesOn(application, api)))
            .toList();
    return new OneApplication(
        "OK",
        "Success",
        new Details(
            id,
            application.name(),
            M2M,
            id,
            application.org().map(OrgCode::value),
            application.createdOn(),
            apis));
  }

  private static List<ApiResponses.ScopeView> scopesOn(Application application, String api) {
    return ApiResponses.scopes(
        application.scopes().stream()
            .filter(scope -> scope.apiId().value().equals(api))
            .sorted(Comparator.comparing(Scope::key))
            .toList());
  }

  public static Authorized authorized(AuthorizedApplications changed) {
    return new Authorized(
        "API applications updated",
        "API_APPLICATIONS_UPDATED",
        changed.disconnected().stream().map(ApplicationId::value).toList(),
        changed.connected().stream().map(ApplicationId::value).toList());
  }

  private static WithSecret withSecret(CreatedApplication created) {
    String id = created.application().id().value();
    return new WithSecret(id, id, created.clientSecret().reveal());
  }
}
