package dev.keygate.domain.event;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An endpoint that receives the lifecycle events it subscribed to, signed with a secret of its own.
 * A deployment-wide webhook receives the events of every key; an organization's only those of its
 * keys.
 *
 * @param org the organization whose keys' events it receives; empty for the whole deployment
 * @param createdBy who created it, as the audit trail names them
 */
public record Webhook(
    WebhookId id,
    String name,
    URI endpoint,
    Optional<String> description,
    Set<KeyEventType> eventTypes,
    Optional<OrgCode> org,
    Instant createdOn,
    String createdBy) {

  public static final int MAX_NAME_LENGTH = 128;
  public static final int MAX_DESCRIPTION_LENGTH = 1024;
  public static final int MAX_ENDPOINT_LENGTH = 2048;

  public Webhook {
    Checks.required("webhook id", id);
    name = Checks.name("webhook name", name, MAX_NAME_LENGTH);
    Checks.required("webhook endpoint", endpoint);
    Checks.required("webhook description", description);
    description =
        description.map(d -> Checks.name("webhook description", d, MAX_DESCRIPTION_LENGTH));
    Checks.required("webhook event types", eventTypes);
    if (eventTypes.isEmpty()) {
      throw new ValidationException("a webhook needs at least one event type");
    }
    eventTypes = Set.copyOf(EnumSet.copyOf(eventTypes));
    Checks.required("webhook organization", org);
    Checks.required("webhook creation time", createdOn);
    createdBy = Checks.name("webhook creator", createdBy, 128);
  }

  /**
   * The endpoint {@code text} names: an absolute {@code http} or {@code https} URL with a host, no
   * user information and no fragment, at most {@value #MAX_ENDPOINT_LENGTH} characters.
   *
   * @throws ValidationException saying which of these it breaks
   */
  public static URI endpoint(String text) {
    Checks.required("webhook endpoint", text);
    if (text.length() > MAX_ENDPOINT_LENGTH) {
      throw new ValidationException(
          "webhook endpoint must be at most " + MAX_ENDPOINT_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ValidationException("webhook endpoint is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ValidationException("webhook endpoint must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new ValidationException("webhook endpoint must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new ValidationException("webhook endpoint must not carry user information");
    }
    if (uri.getRawFragment() != null) {
      throw new ValidationException("webhook endpoint must not have a fragment");
    }
    return uri;
  }

  /** Whether this webhook receives {@code event}: subscribed to its type, and the key in reach. */
  public boolean receives(KeyEvent event) {
    if (!eventTypes.contains(event.type())) {
      return false;
    }
    return org.isEmpty()
        || event.owner() instanceof Owner.Org owner && owner.code().equals(org.get());
  }
}
