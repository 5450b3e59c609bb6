package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "organizations")
class OrganizationEntity {

  @Id String code;

  @Column(nullable = false)
  String name;

  @Column(name = "created_on", nullable = false)
  Instant createdOn;
}
