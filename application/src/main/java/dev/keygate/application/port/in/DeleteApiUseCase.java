package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;

/** Deletes an API that no key was issued for; the operator's alone. */
public interface DeleteApiUseCase {

  void delete(Principal principal, ApiId apiId);
}
