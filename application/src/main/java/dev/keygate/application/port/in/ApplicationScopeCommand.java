package dev.keygate.application.port.in;

import dev.keygate.domain.Checks;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.application.ApplicationId;

/** One scope of one API, for one application. */
public record ApplicationScopeCommand(ApiId apiId, ApplicationId application, ScopeId scopeId) {

  public ApplicationScopeCommand {
    Checks.required("api id", apiId);
    Checks.required("application id", application);
    Checks.required("scope id", scopeId);
  }
}
