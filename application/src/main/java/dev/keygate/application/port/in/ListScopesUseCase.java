package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import java.util.List;

/** Lists the scopes of one API. */
public interface ListScopesUseCase {

  List<Scope> list(Principal principal, ApiId apiId);
}
