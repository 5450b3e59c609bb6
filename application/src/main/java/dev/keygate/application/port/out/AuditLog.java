package dev.keygate.application.port.out;

import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;

/** The append-only trail of management calls, carried out or refused. */
public interface AuditLog {

  void record(AuditEvent event);

  /** One page of the events that pass {@code query}, oldest first. */
  Page<AuditEvent> list(AuditQuery query);
}
