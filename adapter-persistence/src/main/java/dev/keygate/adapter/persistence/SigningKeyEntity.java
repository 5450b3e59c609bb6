package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

@Entity
@Table(name = "signing_keys")
class SigningKeyEntity {

  @Id String kid;

  @Column(name = "public_jwk", nullable = false)
  String publicJwk;

  @Column(name = "private_jwk", nullable = false)
  String privateJwk;

  @Column(name = "created_on", nullable = false)
  Instant createdOn;

  @Column(name = "retired_on")
  Instant retiredOn;

  /** Never the private key. */
  @Override
  public String toString() {
    return "SigningKeyEntity[" + kid + "]";
  }

  /** The query {@link #read} reads the rows of. */
  static final String SELECT =
      "select kid, public_jwk, private_jwk, created_on, retired_on from signing_keys";

  /** A row of {@link #SELECT}, detached. */
  static SigningKeyEntity read(ResultSet row) throws SQLException {
    SigningKeyEntity entity = new SigningKeyEntity();
    entity.kid = row.getString("kid");
    entity.publicJwk = row.getString("public_jwk");
    entity.privateJwk = row.getString("private_jwk");
    entity.createdOn = Rows.instant(row, "created_on");
    entity.retiredOn = Rows.instant(row, "retired_on");
    return entity;
  }
}
