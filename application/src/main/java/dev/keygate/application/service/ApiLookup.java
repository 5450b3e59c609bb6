package dev.keygate.application.service;

import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;

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

  /** The API, unless it is the management API, whose scopes are fixed. */
  Api userDefinedApi(ApiId apiId) {
    Api api = api(apiId);
    if (api.isManagement()) {
      throw new ConflictException("the scopes of the management api are fixed");
    }
    return api;
  }
}
