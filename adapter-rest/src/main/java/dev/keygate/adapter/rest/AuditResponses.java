package dev.keygate.adapter.rest;

import dev.keygate.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON shapes of the audit trail (Keygate's extension). */
final class AuditResponses {

  private AuditResponses() {}

  /**
   * One event.
   *
   * @param action such as {@code api_key_create}
   * @param outcome {@code succeeded} or {@code refused}
   * @param detail why a call was refused; empty otherwise
   */
  record Event(
      String id,
      Instant occurredOn,
      String actor,
      String action,
      String target,
      String outcome,
      String detail) {}

  /** 200 on list. */
  record Listed(String code, String message, boolean hasMore, List<Event> auditEvents) {}

  static Event event(AuditEvent event) {
    return new Event(
        event.id(),
        event.occurredOn(),
        event.actor(),
        event.action().name().toLowerCase(Locale.ROOT),
        event.target(),
        event.outcome().name().toLowerCase(Locale.ROOT),
        event.detail());
  }
}
