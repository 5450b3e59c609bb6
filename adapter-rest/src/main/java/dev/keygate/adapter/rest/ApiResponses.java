package dev.keygate.adapter.rest;

import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import java.util.List;
import java.util.Optional;

/** The JSON shapes of APIs and their scopes, as Kinde writes them. */
final class ApiResponses {

  private ApiResponses() {}

  /** {@code {id}}: what a create call answers of the new object. */
  record Ref(String id) {}

  /** 200 on create: {@code {code, message, api:{id}}}. */
  record ApiCreated(String code, String message, Ref api) {}

  /** One scope: {@code {id, key, description}}. */
  record ScopeView(String id, String key, String description) {}

  /** An API in a list; {@code scopes} only when asked for with {@code expand=scopes}. */
  record ApiSummary(
      String id,
      String name,
      String audience,
      boolean isManagementApi,
      Optional<List<ScopeView>> scopes) {}

  /** One API with its scopes. */
  record ApiView(
      String id, String name, String audience, boolean isManagementApi, List<ScopeView> scopes) {}

  /** 200 on list; Kinde's {@code next_token} is left out, since every API is answered at once. */
  record ApisListed(String code, String message, List<ApiSummary> apis) {}

  /** 200 on get. */
  record OneApi(String code, String message, ApiView api) {}

  /** 200 on creating a scope: {@code {code, message, scope:{id}}}. */
  record ScopeCreated(String code, String message, Ref scope) {}

  /** 200 on listing scopes. */
  record ScopesListed(String code, String message, List<ScopeView> scopes) {}

  /** 200 on getting a scope. */
  record OneScope(String code, String message, ScopeView scope) {}

  static ScopeView scope(Scope scope) {
    return new ScopeView(scope.id().value(), scope.key(), scope.description());
  }

  static List<ScopeView> scopes(List<Scope> scopes) {
    return scopes.stream().map(ApiResponses::scope).toList();
  }

  static ApiSummary summary(Api api, Optional<List<Scope>> scopes) {
    return new ApiSummary(
        api.id().value(),
        api.name(),
        api.audience(),
        api.isManagement(),
        scopes.map(ApiResponses::scopes));
  }

  static ApiView view(Api api, List<Scope> scopes) {
    return new ApiView(
        api.id().value(), api.name(), api.audience(), api.isManagement(), scopes(scopes));
  }
}
