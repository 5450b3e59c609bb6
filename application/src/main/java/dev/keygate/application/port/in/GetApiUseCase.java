package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;

/** Reads one API with its scopes. */
public interface GetApiUseCase {

  ApiDetails get(Principal principal, ApiId apiId);
}
