package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;

/** Reads one scope of an API. */
public interface GetScopeUseCase {

  Scope get(Principal principal, ApiId apiId, ScopeId scopeId);
}
