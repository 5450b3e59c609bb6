package dev.keygate.application.fake;

import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AuditLog} as a list in the order events were recorded. */
public final class InMemoryAuditLog implements AuditLog {

  private final List<AuditEvent> events = new ArrayList<>();
  private boolean failing;

  /** From now on every record fails, as a full or unreachable audit store would. */
  public synchronized void failFromNowOn() {
    failing = true;
  }

  @Override
  public synchronized void record(AuditEvent event) {
    if (failing) {
      throw new IllegalStateException("the audit log cannot be written");
    }
    if (events.stream().anyMatch(recorded -> recorded.id().equals(event.id()))) {
      throw new ConflictException("audit event " + event.id() + " already exists");
    }
    InMemoryUnitOfWork.willUndo(
        () -> {
          synchronized (this) {
            events.remove(event);
          }
        });
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
