package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
}
