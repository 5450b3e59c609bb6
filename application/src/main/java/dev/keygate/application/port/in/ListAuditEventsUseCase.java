package dev.keygate.application.port.in;

import dev.keygate.application.port.out.AuditQuery;
import dev.keygate.application.port.out.Page;
import dev.keygate.domain.audit.AuditEvent;

/** Lists the audit trail within the caller's reach, oldest first. */
public interface ListAuditEventsUseCase {

  Page<AuditEvent> list(Principal principal, AuditQuery query);
}
