package dev.keygate.adapter.persistence;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.annotations.Formula;

@Entity
@Table(name = "api_keys")
class ApiKeyEntity {

  @Id String id;

  @Column(nullable = false)
  String name;

  @Column(name = "owner_type", nullable = false)
  String ownerType;

  @Column(name = "owner_id", nullable = false)
  String ownerId;

  @Column(name = "api_id", nullable = false)
  String apiId;

  @Column(nullable = false)
  String status;

  @Column(name = "created_on", nullable = false)
  Instant createdOn;

  @Column(name = "created_by", nullable = false)
  String createdBy;

  @Column(name = "made_by")
  String madeBy;

  @Column(nullable = false)
  String kind;

  @Column(name = "expires_on")
  Instant expiresOn;

  @Column(name = "revoked_on")
  Instant revokedOn;

  // Usage is only ever written as increments by the write-behind recorder: an entity update must
  // never write back a count it read, or concurrent nodes would lose verifications.
  @Column(name = "last_verified_on", insertable = false, updatable = false)
  Instant lastVerifiedOn;

  @Column(name = "last_verified_ip", insertable = false, updatable = false)
  String lastVerifiedIp;

  @Column(name = "verification_count", insertable = false, updatable = false)
  long verificationCount;

  // The key's own usage policy, as PolicyText writes it; null where the key has none.
  @Column(name = "rate_limits")
  String rateLimits;

  @Column(name = "ip_allowlist")
  String ipAllowlist;

  @Column(name = "credit_refill")
  String creditRefill;

  // The credits left belong to the ledger, which spends them in the database: read with the key,
  // never written by an entity update, so a stale count is never written back. Null: not metered.
  @Formula("(select c.remaining from key_credits c where c.key_id = id)")
  Long creditsRemaining;

  // The limits the owner's keys share: the owner repository's, read with the key, never written.
  @Formula(
      "(select o.rate_limits from owner_rate_limits o"
          + " where o.owner_type = owner_type and o.owner_id = owner_id)")
  String ownerRateLimits;

  /** Moved on by {@link JpaApiKeyRepository#update} alone, never by Hibernate. */
  long version;

  // A set, not a list: fetched together with the scopes, a list would repeat rows.
  @OneToMany(mappedBy = "apiKey", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  Set<KeySecretEntity> secrets = new LinkedHashSet<>();

  @ManyToMany
  @JoinTable(
      name = "api_key_scopes",
      joinColumns = @JoinColumn(name = "api_key_id"),
      inverseJoinColumns = @JoinColumn(name = "scope_id"))
  Set<ScopeEntity> scopes = new HashSet<>();

  /**
   * The query {@link #read} reads the rows of, keys aliased {@code k}: the columns, and the credits
   * left and the owner's limits as the formulas above read them.
   */
  static final String SELECT =
      "select k.id, k.name, k.owner_type, k.owner_id, k.api_id, k.status, k.created_on,"
          + " k.created_by, k.made_by, k.kind, k.expires_on, k.revoked_on, k.last_verified_on,"
          + " k.last_verified_ip, k.verification_count, k.rate_limits, k.ip_allowlist,"
          + " k.credit_refill, k.version,"
          + " (select c.remaining from key_credits c where c.key_id = k.id) as credits_remaining,"
          + " (select o.rate_limits from owner_rate_limits o"
          + " where o.owner_type = k.owner_type and o.owner_id = k.owner_id) as owner_rate_limits"
          + " from api_keys k";

  /** A row of {@link #SELECT}, detached, without its secrets and scopes. */
  static ApiKeyEntity read(ResultSet row) throws SQLException {
    ApiKeyEntity entity = new ApiKeyEntity();
    entity.id = row.getString("id");
    entity.name = row.getString("name");
    entity.ownerType = row.getString("owner_type");
    entity.ownerId = row.getString("owner_id");
    entity.apiId = row.getString("api_id");
    entity.status = row.getString("status");
    entity.createdOn = Rows.instant(row, "created_on");
    entity.createdBy = row.getString("created_by");
    entity.madeBy = row.getString("made_by");
    entity.kind = row.getString("kind");
    entity.expiresOn = Rows.instant(row, "expires_on");
    entity.revokedOn = Rows.instant(row, "revoked_on");
    entity.lastVerifiedOn = Rows.instant(row, "last_verified_on");
    entity.lastVerifiedIp = row.getString("last_verified_ip");
    entity.verificationCount = row.getLong("verification_count");
    entity.rateLimits = row.getString("rate_limits");
    entity.ipAllowlist = row.getString("ip_allowlist");
    entity.creditRefill = row.getString("credit_refill");
    entity.version = row.getLong("version");
    entity.creditsRemaining = row.getObject("credits_remaining", Long.class);
    entity.ownerRateLimits = row.getString("owner_rate_limits");
    return entity;
  }
}
