package dev.keygate.application.port.in;

import dev.keygate.domain.Checks;
import java.util.List;
import java.util.Optional;

/**
 * What to change of a webhook; an empty field stays as it is. Its endpoint and organization never
 * change: a new endpoint is a new webhook, with a new secret.
 *
 * @param description empty to keep it; present and empty to remove it
 */
public record UpdateWebhookCommand(
    Optional<String> name,
    Optional<List<String>> eventTypes,
    Optional<Optional<String>> description) {

  public UpdateWebhookCommand {
    Checks.required("webhook name", name);
    eventTypes = Checks.required("webhook event types", eventTypes).map(List::copyOf);
    Checks.required("webhook description", description);
  }
}
