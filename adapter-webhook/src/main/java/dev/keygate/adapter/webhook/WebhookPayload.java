package dev.keygate.adapter.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/**
 * The JSON body of one event as receivers get it: keys in a fixed order, every field present
 * (absent ones {@code null}), and nothing secret, since a {@link KeyEvent} holds none.
 */
final class WebhookPayload {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** ISO-8601 UTC with milliseconds always written, so every timestamp has the same width. */
  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder().appendInstant(3).toFormatter(Locale.ROOT);

  private WebhookPayload() {}

  /** The UTF-8 JSON body for {@code event}: the exact bytes that are signed and sent. */
  static byte[] render(KeyEvent event) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("type", event.type().wireName());
    root.put("timestamp", time(event.occurredAt()));
    ObjectNode data = root.putObject("data");
    data.put("event_id", event.id());
    data.put("actor", event.actor());
    ObjectNode key = data.putObject("api_key");
    key.put("id", event.keyId().value());
    key.put("name", event.keyName());
    // The words the REST answers use for a key's status and owner type.
    key.put("status", event.keyStatus().name().toLowerCase(Locale.ROOT));
    key.put("owner_type", event.owner().type().name().toLowerCase(Locale.ROOT));
    key.put("org_code", event.owner() instanceof Owner.Org org ? org.code().value() : null);
    key.put("user_id", event.owner() instanceof Owner.User user ? user.userId().value() : null);
    key.put("expires_on", event.expiresOn().map(WebhookPayload::time).orElse(null));
    event
        .leak()
        .ifPresent(
            leak -> {
              ObjectNode reported = data.putObject("leak");
              reported.put("source", leak.source().wireName());
              reported.put("url", leak.url().orElse(null));
            });
    try {
      return MAPPER.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      // A tree of strings and nulls always writes; this would be a bug in Jackson.
      throw new IllegalStateException("cannot write event " + event.id() + " as JSON", e);
    }
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }
}
