package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
}
