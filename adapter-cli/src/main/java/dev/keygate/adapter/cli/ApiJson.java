package dev.keygate.adapter.cli;

import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import java.util.List;

/** The JSON documents of APIs and their scopes, with the REST API's field names and codes. */
final class ApiJson {

  private ApiJson() {}

  /** {@code {id}} of a new object. */
  record Ref(String id) {}

  /** {@code apis register}: {@code {code, message, api:{id}}}. */
  record ApiCreated(String code, String message, Ref api) {}

  /** One scope. */
  record ScopeView(String id, String key, String description) {}

  /** An API in a list. */
  record ApiSummary(String id, String name, String audience, boolean isManagementApi) {}

  /** One API with its scopes. */
  record ApiView(
      String id, String name, String audience, boolean isManagementApi, List<ScopeView> scopes) {}

  /** {@code apis list}. */
  record ApisListed(String code, String message, List<ApiSummary> apis) {}

  /** {@code apis show}. */
  record OneApi(String code, String message, ApiView api) {}

  /** {@code scopes add}: {@code {code, message, scope:{id}}}. */
  record ScopeCreated(String code, String message, Ref scope) {}

  /** {@code scopes list}. */
  record ScopesListed(String code, String message, List<ScopeView> scopes) {}

  static ApiCreated created(Api api) {
    return new ApiCreated("OK", "Success", new Ref(api.id().value()));
  }

  static ApisListed listed(List<Api> apis) {
    return new ApisListed(
        "OK",
        "Success",
        apis.stream()
            .map(
                api ->
                    new ApiSummary(
                        api.id().value(), api.name(), api.audience(), api.isManagement()))
            .toList());
  }

  static OneApi one(Api api, List<Scope> scopes) {
    return new OneApi(
        "OK",
        "Success",
        new ApiView(
            api.id().value(), api.name(), api.audience(), api.isManagement(), scopes(scopes)));
  }

  static ScopeCreated scopeCreated(Scope scope) {
    return new ScopeCreated("OK", "Success", new Ref(scope.id().value()));
  }

  static ScopesListed scopesListed(List<Scope> scopes) {
    return new ScopesListed("OK", "Success", scopes(scopes));
  }

  private static List<ScopeView> scopes(List<Scope> scopes) {
    return scopes.stream()
        .map(scope -> new ScopeView(scope.id().value(), scope.key(), scope.description()))
        .toList();
  }
}
