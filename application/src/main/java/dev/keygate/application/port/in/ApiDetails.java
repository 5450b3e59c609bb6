package dev.keygate.application.port.in;

import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import java.util.List;

/** An API with its scopes. */
public record ApiDetails(Api api, List<Scope> scopes) {

  public ApiDetails {
    scopes = List.copyOf(scopes);
  }
}
