package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

@Entity
@Table(name = "owner_grants")
@IdClass(GrantEntity.Key.class)
class GrantEntity {

  @Id
  @Column(name = "owner_type")
  String ownerType;

  @Id
  @Column(name = "owner_id")
  String ownerId;

  @Id
  @Column(name = "api_id")
  String apiId;

  @Column(name = "granted_on", nullable = false)
  Instant grantedOn;

  @Column(name = "granted_by", nullable = false)
  String grantedBy;

  @ManyToMany
  @JoinTable(
      name = "owner_grant_scopes",
      joinColumns = {
        @JoinColumn(name = "owner_type", referencedColumnName = "owner_type"),
        @JoinColumn(name = "owner_id", referencedColumnName = "owner_id"),
        @JoinColumn(name = "api_id", referencedColumnName = "api_id")
      },
      inverseJoinColumns = @JoinColumn(name = "scope_id"))
  Set<ScopeEntity> scopes = new HashSet<>();

  /**
   * The row of {@code select owner_type, owner_id, api_id, granted_on, granted_by}, detached,
   * without its scopes.
   */
  static GrantEntity read(ResultSet row) throws SQLException {
    GrantEntity entity = new GrantEntity();
    entity.ownerType = row.getString("owner_type");
    entity.ownerId = row.getString("owner_id");
    entity.apiId = row.getString("api_id");
    entity.grantedOn = Rows.instant(row, "granted_on");
    entity.grantedBy = row.getString("granted_by");
    return entity;
  }

  /** The primary key: one grant per owner and API. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String ownerType;
    String ownerId;
    String apiId;

    Key() {}

    Key(String ownerType, String ownerId, String apiId) {
      this.ownerType = ownerType;
      this.ownerId = ownerId;
      this.apiId = apiId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && ownerType.equals(key.ownerType)
          && ownerId.equals(key.ownerId)
          && apiId.equals(key.apiId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ownerType, ownerId, apiId);
    }
  }
}
