package dev.keygate.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
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
}
