package dev.keygate.application.port.in;

import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;

/** Lists the audit trail within the caller's reach, oldest first. */
public interface ListAuditEventsUseCase {

  Page<AuditEvent> list(Principal principal, AuditQuery query);
}
