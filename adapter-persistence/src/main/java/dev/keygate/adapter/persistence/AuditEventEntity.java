package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "audit_events")
class AuditEventEntity {

  @Id String id;

  @Column(name = "occurred_on", nullable = false)
  Instant occurredOn;

  @Column(nullable = false)
  String actor;

  @Column(nullable = false)
  String action;

  @Column(nullable = false)
  String target;

  @Column(name = "owner_type")
  String ownerType;

  @Column(name = "owner_id")
  String ownerId;

  @Column(nullable = false)
  String outcome;

  @Column(nullable = false)
  String detail;
}
