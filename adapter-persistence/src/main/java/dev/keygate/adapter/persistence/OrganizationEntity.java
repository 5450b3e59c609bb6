package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

@Entity
@Table(name = "organizations")
class OrganizationEntity {

  @Id String code;

  @Column(nullable = false)
  String name;

  @Column(name = "created_on", nullable = false)
  Instant createdOn;

  /** The row of {@code select code, name, created_on}, detached. */
  static OrganizationEntity read(ResultSet row) throws SQLException {
    OrganizationEntity entity = new OrganizationEntity();
    entity.code = row.getString("code");
    entity.name = row.getString("name");
    entity.createdOn = Rows.instant(row, "created_on");
    return entity;
  }
}
