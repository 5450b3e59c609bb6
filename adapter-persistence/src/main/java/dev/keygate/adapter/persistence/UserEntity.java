package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

@Entity
@Table(name = "users")
class UserEntity {

  @Id String id;

  @Column(nullable = false)
  String name;

  String email;

  @Column(name = "created_on", nullable = false)
  Instant createdOn;

  /** The row of {@code select id, name, email, created_on}, detached. */
  static UserEntity read(ResultSet row) throws SQLException {
    UserEntity entity = new UserEntity();
    entity.id = row.getString("id");
    entity.name = row.getString("name");
    entity.email = row.getString("email");
    entity.createdOn = Rows.instant(row, "created_on");
    return entity;
  }
}
