package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

@Entity
@Table(name = "key_secrets")
class KeySecretEntity {

  @Id String lookup;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "api_key_id", nullable = false)
  ApiKeyEntity apiKey;

  /** The secret's place in its key's list; the last is the current secret. */
  @Column(nullable = false)
  int position;

  @Column(nullable = false)
  String prefix;

  @Column(nullable = false)
  String suffix;

  @Column(nullable = false)
  String hash;

  @Column(name = "created_on", nullable = false)
  Instant createdOn;

  @Column(name = "expires_on")
  Instant expiresOn;

  /** The query {@link #read} reads the rows of. */
  static final String SELECT =
      "select lookup, api_key_id, position, prefix, suffix, hash, created_on, expires_on"
          + " from key_secrets";

  /** A row of {@link #SELECT}, detached: its key only an id, for the caller to put it with. */
  static KeySecretEntity read(ResultSet row) throws SQLException {
    KeySecretEntity entity = new KeySecretEntity();
    entity.lookup = row.getString("lookup");
    entity.apiKey = new ApiKeyEntity();
    entity.apiKey.id = row.getString("api_key_id");
    entity.position = row.getInt("position");
    entity.prefix = row.getString("prefix");
    entity.suffix = row.getString("suffix");
    entity.hash = row.getString("hash");
    entity.createdOn = Rows.instant(row, "created_on");
    entity.expiresOn = Rows.instant(row, "expires_on");
    return entity;
  }
}
