package dev.keygate.application.port.in;

import dev.keygate.domain.Checks;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.application.ApplicationId;
import java.util.List;

/**
 * Which applications may, or may no longer, ask tokens for an API.
 *
 * @param changes in the order given
 */
public record AuthorizeApplicationsCommand(ApiId apiId, List<Change> changes) {

  public AuthorizeApplicationsCommand {
    Checks.required("api id", apiId);
    changes = List.copyOf(Checks.required("applications", changes));
  }

  /** One application authorized, or its authorization withdrawn when {@code withdraw}. */
  public record Change(ApplicationId application, boolean withdraw) {
    public Change {
      Checks.required("application id", application);
    }
  }
}
