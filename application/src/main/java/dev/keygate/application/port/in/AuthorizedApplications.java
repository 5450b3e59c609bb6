package dev.keygate.application.port.in;

import dev.keygate.domain.application.ApplicationId;
import java.util.List;

/** The applications an authorization call connected to an API, and those it disconnected. */
public record AuthorizedApplications(
    List<ApplicationId> connected, List<ApplicationId> disconnected) {

  public AuthorizedApplications {
    connected = List.copyOf(connected);
    disconnected = List.copyOf(disconnected);
  }
}
