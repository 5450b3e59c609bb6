package dev.keygate.adapter.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "applications")
class ApplicationEntity {

  @Id String id;

  @Column(nullable = false)
  String name;

  @Column(name = "org_code")
  String orgCode;

  @Column(name = "secret_hash", nullable = false)
  String secretHash;

  @Column(name = "secret_version", nullable = false)
  long secretVersion;

  @Column(name = "created_on", nullable = false)
  Instant createdOn;

  @Column(name = "created_by", nullable = false)
  String createdBy;

  @Column(name = "made_by")
  String madeBy;

  @Column(name = "expires_on")
  Instant expiresOn;

  @ElementCollection
  @CollectionTable(name = "application_apis", joinColumns = @JoinColumn(name = "application_id"))
  @Column(name = "api_id")
  Set<String> apiIds = new HashSet<>();

  @ManyToMany
  @JoinTable(
      name = "application_scopes",
      joinColumns = @JoinColumn(name = "application_id"),
      inverseJoinColumns = @JoinColumn(name = "scope_id"))
  Set<ScopeEntity> scopes = new HashSet<>();

  /** Everything but the secret's hash. */
  @Override
  public String toString() {
    return "ApplicationEntity[" + id + "]";
  }

  /** The query {@link #read} reads the rows of, applications aliased {@code a}. */
  static final String SELECT =
      "select a.id, a.name, a.org_code, a.secret_hash, a.secret_version, a.created_on,"
          + " a.created_by, a.made_by, a.expires_on from applications a";

  /** A row of {@link #SELECT}, detached, without its APIs and scopes. */
  static ApplicationEntity read(ResultSet row) throws SQLException {
    ApplicationEntity entity = new ApplicationEntity();
    entity.id = row.getString("id");
    entity.name = row.getString("name");
    entity.orgCode = row.getString("org_code");
    entity.secretHash = row.getString("secret_hash");
    entity.secretVersion = row.getLong("secret_version");
    entity.createdOn = Rows.instant(row, "created_on");
    entity.createdBy = row.getString("created_by");
    entity.madeBy = row.getString("made_by");
    entity.expiresOn = Rows.instant(row, "expires_on");
    return entity;
  }
}
