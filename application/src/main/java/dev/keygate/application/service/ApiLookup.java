package dev.keygate.application.service;

import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Loads APIs and scopes for the services, with the not-found answers they share. */
final class ApiLookup {

  private final ApiRepository apis;

  ApiLookup(ApiRepository apis) {
    this.apis = apis;
  }

  Api api(ApiId apiId) {
    return apis.findById(apiId)
        .orElseThrow(() -> new NotFoundException("api " + apiId + " not found"));
  }

  Scope scope(ApiId apiId, ScopeId scopeId) {
    return apis.findScope(apiId, scopeId)
        .orElseThrow(
            () -> new NotFoundException("scope " + scopeId + " not found on api " + apiId));
  }

  /**
   * Each scope of {@code api} that {@code refs} names by id or by key, in the order named.
   *
   * @throws ValidationException naming the first that {@code api} does not define
   */
  Set<Scope> scopes(Api api, List<String> refs) {
    List<Scope> defined = apis.scopes(api.id());
    Set<Scope> found = new LinkedHashSet<>();
    for (String ref : refs) {
      found.add(
          defined.stream()
              .filter(scope -> scope.id().value().equals(ref) || scope.key().equals(ref))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ValidationException(
                          "scope " + Echo.quote(ref) + " is not defined on api " + api.id())));
    }
    return found;
  }

  /** Keygate's own management API, which initialization registers. */
  Api management() {
    return apis.findByAudience(Api.MANAGEMENT_AUDIENCE)
        .orElseThrow(() -> new NotFoundException("the management api is not registered yet"));
  }

  /** The API, unless it is the management API, whose scopes are fixed. */
  Api userDefinedApi(ApiId apiId) {
    Api api = api(apiId);
    if (api.isManagement()) {
      throw new ConflictException("the scopes of the management api are fixed");
    }
    return api;
  }
}
