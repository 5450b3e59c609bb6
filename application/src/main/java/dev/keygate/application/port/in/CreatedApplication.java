package dev.keygate.application.port.in;

import dev.keygate.domain.application.Application;
import java.util.Objects;

/**
 * An application with its client secret in plain text, as created or given a new secret: the only
 * time the secret is shown.
 *
 * @param clientSecret prints as {@code ***}
 */
public record CreatedApplication(Application application, Secret clientSecret) {

  public CreatedApplication {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(clientSecret, "client secret");
  }
}
