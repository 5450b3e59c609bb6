package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  /** The row of {@code select id, name, audience, created_on}, detached. */
  static ApiEntity read(ResultSet row) throws SQLException {
    ApiEntity entity = new ApiEntity();
    entity.id = row.getString("id");
    entity.name = row.getString("name");
    entity.audience = row.getString("audience");
    entity.createdOn = Rows.instant(row, "created_on");
    return entity;
  }
}
