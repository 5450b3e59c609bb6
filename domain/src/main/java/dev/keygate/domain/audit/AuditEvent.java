package dev.keygate.domain.audit;

import dev.keygate.domain.Checks;
import dev.keygate.domain.TimeOrderedIds;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the audit trail: who did what to which object, when, and whether it was allowed. It
 * names objects by id and never holds a secret or a hash.
 *
 * @param id time-ordered, {@code audit_} and 32 hex digits
 * @param target the id of the object acted on, such as an API key id or an API id
 * @param targetOwner the owner of the target where it has one, so tenants can read their own trail
 * @param detail why a call was refused, or a short note; empty otherwise
 */
public record AuditEvent(
    String id,
    Instant occurredOn,
    String actor,
    AuditAction action,
    String target,
    Optional<Owner> targetOwner,
    AuditOutcome outcome,
    String detail) {

  public AuditEvent {
    Checks.required("audit event id", id);
    Checks.required("audit event time", occurredOn);
    Checks.required("audit actor", actor);
    Checks.required("audit action", action);
    Checks.required("audit target", target);
    Checks.required("audit target owner", targetOwner);
    Checks.required("audit outcome", outcome);
    detail = detail == null ? "" : detail;
  }

  /** A new event happening now. */
  public static AuditEvent now(
      Clock clock,
      String actor,
      AuditAction action,
      String target,
      Optional<Owner> targetOwner,
      AuditOutcome outcome,
      String detail) {
    return new AuditEvent(
        "audit_" + TimeOrderedIds.next(clock),
        clock.instant(),
        actor,
        action,
        target,
        targetOwner,
        outcome,
        detail);
  }
}
