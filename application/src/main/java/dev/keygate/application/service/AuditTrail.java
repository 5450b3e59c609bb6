package dev.keygate.application.service;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.AuditLog;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.util.Optional;

/** Writes what the services did, or refused to do, to the audit log. */
final class AuditTrail {

  private final AuditLog log;
  private final Clock clock;

  AuditTrail(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** A change made to an object of {@code owner}: it belongs to that owner's trail. */
  void succeeded(Principal principal, AuditAction action, String target, Optional<Owner> owner) {
    log.record(
        AuditEvent.now(
            clock, principal.actor(), action, target, owner, AuditOutcome.SUCCEEDED, ""));
  }

  /**
   * A call refused: it belongs to the trail of whoever was refused, never to the trail of the owner
   * whose object was reached for, so that one tenant cannot write into another's trail.
   */
  void refused(Principal principal, AuditAction action, String target, String reason) {
    log.record(
        AuditEvent.now(
            clock,
            principal.actor(),
            action,
            target,
            principal.confinement(),
            AuditOutcome.REFUSED,
            reason));
  }
}
