package dev.keygate.application.port.in;

import dev.keygate.domain.Checks;
import java.util.List;
import java.util.Optional;

/**
 * A webhook to create, as the caller asked for it (Kinde's fields, and Keygate's {@code org_code}).
 *
 * @param endpoint the URL to post events to
 * @param eventTypes the event types' wire names, such as {@code api_key.revoked}
 * @param orgCode the organization whose keys' events it receives; empty for the whole deployment
 *     (only the operator's), or, for a caller confined to an organization, that organization
 */
public record CreateWebhookCommand(
    String name,
    String endpoint,
    Optional<String> description,
    List<String> eventTypes,
    Optional<String> orgCode) {

  public CreateWebhookCommand {
    Checks.required("webhook name", name);
    Checks.required("webhook endpoint", endpoint);
    Checks.required("webhook description", description);
    eventTypes = List.copyOf(Checks.required("webhook event types", eventTypes));
    Checks.required("webhook organization", orgCode);
  }
}
