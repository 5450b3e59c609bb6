package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "apis")
class ApiEntity {

  @Id String id;

  @Column(nullable = false)
  String name;

  @Column(nullable = false)
  String audience;

  @Column(name = "created_on", nullable = false)
  Instant createdOn;
}
