package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  /** The query {@link #read} reads the rows of. */
  static final String SELECT =
      "select id, occurred_on, actor, action, target, owner_type, owner_id, outcome, detail"
          + " from audit_events";

  /** A row of {@link #SELECT}, detached. */
  static AuditEventEntity read(ResultSet row) throws SQLException {
    AuditEventEntity entity = new AuditEventEntity();
    entity.id = row.getString("id");
    entity.occurredOn = Rows.instant(row, "occurred_on");
    entity.actor = row.getString("actor");
    entity.action = row.getString("action");
    entity.target = row.getString("target");
    entity.ownerType = row.getString("owner_type");
    entity.ownerId = row.getString("owner_id");
    entity.outcome = row.getString("outcome");
    entity.detail = row.getString("detail");
    return entity;
  }
}
