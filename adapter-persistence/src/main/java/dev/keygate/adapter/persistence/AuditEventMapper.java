package dev.keygate.adapter.persistence;

import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditEvent;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.owner.Owner;
import java.util.Optional;

/** Audit events, to and from their entities. */
final class AuditEventMapper {

  private AuditEventMapper() {}

  static AuditEventEntity toEntity(AuditEvent event) {
    AuditEventEntity entity = new AuditEventEntity();
    entity.id = event.id();
    entity.occurredOn = event.occurredOn();
    entity.actor = event.actor();
    entity.action = event.action().name();
    entity.target = event.target();
    entity.ownerType = event.targetOwner().map(owner -> owner.type().name()).orElse(null);
    entity.ownerId = event.targetOwner().map(Owner::id).orElse(null);
    entity.outcome = event.outcome().name();
    entity.detail = event.detail();
    return entity;
  }

  static AuditEvent toDomain(AuditEventEntity entity) {
    Optional<Owner> owner =
        Optional.ofNullable(entity.ownerType).map(type -> OwnerMapper.owner(type, entity.ownerId));
    return new AuditEvent(
        entity.id,
        entity.occurredOn,
        entity.actor,
        AuditAction.valueOf(entity.action),
        entity.target,
        owner,
        AuditOutcome.valueOf(entity.outcome),
        entity.detail);
  }
}
