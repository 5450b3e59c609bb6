package dev.keygate.application.fake;

import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;

/** {@link AuditLog} as a list in the order events were recorded. */
public final class InMemoryAuditLog implements AuditLog {

  private final List<AuditEvent> events = new ArrayList<>();

  @Override
  public synchronized void record(AuditEvent event) {
    events.add(event);
  }

  @Override
  public synchronized Page<AuditEvent> list(AuditQuery query) {
    List<AuditEvent> matching = events.stream().filter(query::matches).toList();
    return Page.of(matching, AuditEvent::id, query.page());
  }

  /** Every event recorded, oldest first. */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }
}
