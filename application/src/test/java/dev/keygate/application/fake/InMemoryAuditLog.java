package dev.keygate.application.fake;

import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AuditLog} as a list in the order events were recorded. */
public final class InMemoryAuditLog implements AuditLog {

  private final List<AuditEvent> events = new ArrayList<>();

  @Override
  public synchronized void record(AuditEvent event) {
    events.add(event);
  }

  @Override
  public synchronized Page<AuditEvent> list(AuditQuery query) {
    List<AuditEvent> matching =
        events.stream()
            .filter(event -> query.target().map(event.target()::equals).orElse(true))
            .filter(
                event ->
                    query
                        .targetOwner()
                        .map(o -> event.targetOwner().equals(Optional.of(o)))
                        .orElse(true))
            .toList();
    return Page.of(matching, AuditEvent::id, query.page());
  }

  /** Every event recorded, oldest first. */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }
}
