package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "api_scopes")
class ScopeEntity {

  @Id String id;

  @Column(name = "api_id", nullable = false)
  String apiId;

  @Column(name = "scope_key", nullable = false)
  String key;

  @Column(nullable = false)
  String description;
}
