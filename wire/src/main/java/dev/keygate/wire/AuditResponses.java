package dev.keygate.wire;

import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;

/** The JSON of the audit trail (Keygate's extension). */
public final class AuditResponses {

  private AuditResponses() {}

  /**
   * One event.
   *
   * @param action such as {@code api_key_create}
   * @param outcome {@code succeeded} or {@code refused}
   * @param detail why a call was refused; empty otherwise
   */
  public record Event(
      String id,
      Instant occurredOn,
      String actor,
      String action,
      String target,
      String outcome,
      String detail) {}

  /** A page of events. */
  public record Listed(String code, String message, boolean hasMore, List<Event> auditEvents) {}

  public static Listed listed(Page<AuditEvent> page) {
    return new Listed(
        "OK", "Success", page.hasMore(), page.items().stream().map(AuditResponses::event).toList());
  }

  private static Event event(AuditEvent event) {
    return new Event(
        event.id(),
        event.occurredOn(),
        event.actor(),
        WireNames.of(event.action()),
        event.target(),
        WireNames.of(event.outcome()),
        event.detail());
  }
}
