package dev.keygate.application.fake;

import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
            .filter(query::matches)
            .filter(event -> query.admits(event.id()))
            .sorted(
                query.order() == AuditQuery.Order.OLDEST_FIRST
                    ? Comparator.comparing(AuditEvent::id)
                    : Comparator.comparing(AuditEvent::id).reversed())
            .toList();
    int size = query.page().size();
    boolean more = matching.size() > size;
    return new Page<>(more ? matching.subList(0, size) : matching, more);
  }

  /** Every event recorded, oldest first. */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }
}
