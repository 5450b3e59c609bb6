package dev.keygate.adapter.cli;

import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON document of the audit trail, with the REST API's field names. */
final class AuditJson {

  private AuditJson() {}

  /**
   * One event.
   *
   * @param action such as {@code api_key_create}
   * @param outcome {@code succeeded} or {@code refused}
   */
  record Event(
      String id,
      Instant occurredOn,
      String actor,
      String action,
      String target,
      String outcome,
      String detail) {}

  /** {@code audit list}. */
  record Listed(String code, String message, boolean hasMore, List<Event> auditEvents) {}

  static Listed listed(Page<AuditEvent> page) {
    return new Listed(
        "OK", "Success", page.hasMore(), page.items().stream().map(AuditJson::event).toList());
  }

  static Event event(AuditEvent event) {
    return new Event(
        event.id(),
        event.occurredOn(),
        event.actor(),
        action(event),
        event.target(),
        event.outcome().name().toLowerCase(Locale.ROOT),
        event.detail());
  }

  static String action(AuditEvent event) {
    return event.action().name().toLowerCase(Locale.ROOT);
  }
}
