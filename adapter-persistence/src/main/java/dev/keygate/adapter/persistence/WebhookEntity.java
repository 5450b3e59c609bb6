package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

@Entity
@Table(name = "webhooks")
class WebhookEntity {

  @Id String id;

  @Column(name = "org_code")
  String orgCode;

  @Column(nullable = false)
  String name;

  @Column(nullable = false)
  String endpoint;

  @Column String description;

  /** The wire names of the event types, comma-separated. */
  @Column(name = "event_types", nullable = false)
  String eventTypes;

  @Column(name = "created_on", nullable = false)
  Instant createdOn;

  @Column(name = "created_by", nullable = false)
  String createdBy;

  @Column(name = "signing_secret", nullable = false)
  String signingSecret;

  /** Never the secret, not even in its stored form. */
  @Override
  public String toString() {
    return "WebhookEntity[" + id + "]";
  }

  /** The query {@link #read} reads the rows of: everything but the signing secret. */
  static final String SELECT =
      "select id, org_code, name, endpoint, description, event_types, created_on, created_by"
          + " from webhooks";

  /** A row of {@link #SELECT}, detached, without the signing secret. */
  static WebhookEntity read(ResultSet row) throws SQLException {
    WebhookEntity entity = new WebhookEntity();
    entity.id = row.getString("id");
    entity.orgCode = row.getString("org_code");
    entity.name = row.getString("name");
    entity.endpoint = row.getString("endpoint");
    entity.description = row.getString("description");
    entity.eventTypes = row.getString("event_types");
    entity.createdOn = Rows.instant(row, "created_on");
    entity.createdBy = row.getString("created_by");
    return entity;
  }
}
