package dev.keygate.wire;

import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON of APIs and their scopes. The rich records carry each scope's description on an API too;
 * {@code kinde()} gives exactly the fields Kinde's published specification declares (an API's
 * scopes as {@code {id, key}}).
 */
public final class ApiResponses {

  /** Kinde's {@code delete_api_response}. */
  public static final SuccessResponse DELETED =
      new SuccessResponse("API_DELETED", "API successfully deleted");

  private ApiResponses() {}

  /** {@code {id}}: what a create call answers of the new object. */
  public record Ref(String id) {}

  /** An API registered: {@code {code, message, api:{id}}}. */
  public record ApiCreated(String code, String message, Ref api) {}

  /** One scope: {@code {id, key, description}}. */
  public record ScopeView(String id, String key, String description) {}

  /** A scope as Kinde lists it within an API: {@code {id, key}}. */
  public record ScopeRef(String id, String key) {}

  /**
   * An API in a list; {@code scopes} only when asked for.
   *
   * @param createdOn Keygate's: when it was registered
   */
  public record ApiSummary(
      String id,
      String name,
      String audience,
      boolean isManagementApi,
      Optional<List<ScopeView>> scopes,
      Instant createdOn) {

    KindeApiSummary kinde() {
      return new KindeApiSummary(
          id, name, audience, isManagementApi, scopes.map(ApiResponses::scopeRefs));
    }
  }

  /** An API in a list as Kinde's {@code get_apis_response} declares it. */
  public record KindeApiSummary(
      String id,
      String name,
      String audience,
      boolean isManagementApi,
      Optional<List<ScopeRef>> scopes) {}

  /**
   * One API with its scopes.
   *
   * @param createdOn Keygate's: when it was registered
   */
  public record ApiView(
      String id,
      String name,
      String audience,
      boolean isManagementApi,
      List<ScopeView> scopes,
      Instant createdOn) {

    KindeApiView kinde() {
      return new KindeApiView(id, name, audience, isManagementApi, scopeRefs(scopes));
    }
  }

  /**
   * One API as Kinde's {@code get_api_response} declares it; Kinde's {@code applications} are left
   * out, as Keygate has none.
   */
  public record KindeApiView(
      String id, String name, String audience, boolean isManagementApi, List<ScopeRef> scopes) {}

  /** The APIs; Kinde's {@code next_token} is left out, since every API is answered at once. */
  public record ApisListed(String code, String message, List<ApiSummary> apis) {

    /** Kinde's {@code get_apis_response}. */
    public KindeApisListed kinde() {
      return new KindeApisListed(code, message, apis.stream().map(ApiSummary::kinde).toList());
    }
  }

  /** The APIs as Kinde's {@code get_apis_response} declares them. */
  public record KindeApisListed(String code, String message, List<KindeApiSummary> apis) {}

  /** One API. */
  public record OneApi(String code, String message, ApiView api) {

    /** Kinde's {@code get_api_response}. */
    public KindeOneApi kinde() {
      return new KindeOneApi(code, message, api.kinde());
    }
  }

  /** One API as Kinde's {@code get_api_response} declares it. */
  public record KindeOneApi(String code, String message, KindeApiView api) {}

  /** A scope defined: {@code {code, message, scope:{id}}}. */
  public record ScopeCreated(String code, String message, Ref scope) {}

  /** The scopes of an API. */
  public record ScopesListed(String code, String message, List<ScopeView> scopes) {}

  /** One scope of an API. */
  public record OneScope(String code, String message, ScopeView scope) {}

  public static ApiCreated created(Api api) {
    return new ApiCreated("OK", "Success", new Ref(api.id().value()));
  }

  /**
   * The APIs in the order given.
   *
   * @param scopes each API's scopes, or empty to leave them out
   */
  public static ApisListed listed(List<Api> apis, Function<Api, Optional<List<Scope>>> scopes) {
    return new ApisListed(
        "OK", "Success", apis.stream().map(api -> summary(api, scopes.apply(api))).toList());
  }

  private static ApiSummary summary(Api api, Optional<List<Scope>> scopes) {
    return new ApiSummary(
        api.id().value(),
        api.name(),
        api.audience(),
        api.isManagement(),
        scopes.map(ApiResponses::scopes),
        api.createdOn());
  }

  public static OneApi one(Api api, List<Scope> scopes) {
    return new OneApi(
        "OK",
        "Success",
        new ApiView(
            api.id().value(),
            api.name(),
            api.audience(),
            api.isManagement(),
            scopes(scopes),
            api.createdOn()));
  }

  public static ScopeCreated scopeCreated(Scope scope) {
    return new ScopeCreated("OK", "Success", new Ref(scope.id().value()));
  }

  public static ScopesListed scopesListed(List<Scope> scopes) {
    return new ScopesListed("OK", "Success", scopes(scopes));
  }

  public static OneScope oneScope(Scope scope) {
    return new OneScope("OK", "Success", scope(scope));
  }

  private static ScopeView scope(Scope scope) {
    return new ScopeView(scope.id().value(), scope.key(), scope.description());
  }

  private static List<ScopeRef> scopeRefs(List<ScopeView> scopes) {
    return scopes.stream().map(scope -> new ScopeRef(scope.id(), scope.key())).toList();
  }

  static List<ScopeView> scopes(List<Scope> scopes) {
    return scopes.stream().map(ApiResponses::scope).toList();
  }
}
