package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;

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

  /** The columns {@link #read} reads, of {@code api_scopes} or a table aliased {@code s}. */
  static final String COLUMNS = "s.id, s.api_id, s.scope_key, s.description";

  /** The row of {@code select} {@link #COLUMNS}, detached. */
  static ScopeEntity read(ResultSet row) throws SQLException {
    ScopeEntity entity = new ScopeEntity();
    entity.id = row.getString("id");
    entity.apiId = row.getString("api_id");
    entity.key = row.getString("scope_key");
    entity.description = row.getString("description");
    return entity;
  }
}
