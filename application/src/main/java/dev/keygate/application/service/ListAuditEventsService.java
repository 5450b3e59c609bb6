package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_AUDIT_EVENTS;
import static dev.keygate.domain.audit.AuditAction.AUDIT_READ;

import dev.keygate.application.port.in.ListAuditEventsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.owner.Owner;
import java.util.Optional;

/** Lists the audit trail: all of it for the operator, a confined caller's own part otherwise. */
public final class ListAuditEventsService implements ListAuditEventsUseCase {

  private final AuditLog auditLog;
  private final Authorization authorization;

  ListAuditEventsService(AuditLog auditLog, Authorization authorization) {
    this.auditLog = auditLog;
    this.authorization = authorization;
  }

  @Override
  public Page<AuditEvent> list(Principal principal, AuditQuery query) {
    authorization.requireScope(principal, READ_AUDIT_EVENTS, AUDIT_READ, "audit_events");
    Optional<Owner> confinement = principal.confinement();
    if (confinement.isEmpty()) {
      return auditLog.list(query);
    }
    Owner own = confinement.get();
    Optional<Owner> asked = query.targetOwner();
    if (asked.isPresent() && !asked.get().equals(own)) {
      // Another owner's trail reads as an empty one, as another owner's keys do.
      authorization.outOfReach(principal, AUDIT_READ, Echo.plain(asked.get().id()));
      return Page.empty();
    }
    // Every other filter narrows the caller's own trail only: none reaches past it.
    return auditLog.list(query.ownedBy(own));
  }
}
