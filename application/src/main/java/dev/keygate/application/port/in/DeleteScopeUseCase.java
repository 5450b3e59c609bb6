package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.ScopeId;

/** Deletes a scope and takes it away from every key that held it; the operator's alone. */
public interface DeleteScopeUseCase {

  void delete(Principal principal, ApiId apiId, ScopeId scopeId);
}
