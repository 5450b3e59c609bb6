package dev.keygate.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A deployment made before grants keeps working: the migration grants each owner what its live keys
 * already hold, and remembers the maker of every key a management key made, on H2 and on PostgreSQL
 * alike.
 */
class MigrationToGrantsTest {

  private static final String USERS = "api_0195485a3c00aaaaaaaaaaaaaaaaaaaa";
  private static final String MANAGEMENT = "api_0195485a3c00bbbbbbbbbbbbbbbbbbbb";
  private static final String READ = "api_scope_0195485a3c00000000000000000000a1";
  private static final String WRITE = "api_scope_0195485a3c00000000000000000000a2";
  private static final String REFUNDS = "api_scope_0195485a3c00000000000000000000a3";
  private static final String MANAGE = "api_scope_0195485a3c00000000000000000000b1";
  private static final String ROOT = "api_key_0195485a3c00000000000000000000f0";
  private static final String ADMIN = "api_key_0195485a3c00000000000000000000a0";
  private static final String KEY_01 = "api_key_0195485a3c0000000000000000000001";
  private static final String KEY_02 = "api_key_0195485a3c0000000000000000000002";
  private static final String KEY_03 = "api_key_0195485a3c0000000000000000000003";
  private static final String KEY_04 = "api_key_0195485a3c0000000000000000000004";

  @ParameterizedTest
  @MethodSource("dev.keygate.adapter.persistence.TestDatabases#freshDatabases")
  void givenKeysMadeBeforeGrants_migration_grantsWhatLiveKeysHold_andRemembersMakers(
      Supplier<HikariDataSource> database) throws SQLException {
    try (HikariDataSource dataSource = database.get()) {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .target("2")
          .load()
          .migrate();
      try (Connection connection = dataSource.getConnection();
          Statement sql = connection.createStatement()) {
        sql.executeUpdate(
            "insert into organizations values ('org_a', 'A', timestamp '2026-01-01 00:00:00')");
        sql.executeUpdate(
            "insert into users values ('kp_u', 'U', null, timestamp '2026-01-01 00:00:00')");
        sql.executeUpdate(
            "insert into apis values ('"
                + USERS
                + "', 'Users', 'https://users.example.com', timestamp '2026-01-01 00:00:00'),"
                + " ('"
                + MANAGEMENT
                + "', 'Keygate', 'keygate-management', timestamp '2026-01-01 00:00:00')");
        sql.executeUpdate(
            "insert into api_scopes values ('"
                + READ
                + "', '"
                + USERS
                + "', 'read:users', ''), ('"
                + WRITE
                + "', '"
                + USERS
                + "', 'write:users', ''), ('"
                + REFUNDS
                + "', '"
                + USERS
                + "', 'admin:refunds', ''), ('"
                + MANAGE
                + "', '"
                + MANAGEMENT
                + "', 'read:api_keys', '')");
        key(sql, ROOT, "ORGANIZATION", "keygate-operator", MANAGEMENT, "ACTIVE", "cli:op", null);
        key(sql, ADMIN, "ORGANIZATION", "org_a", MANAGEMENT, "ACTIVE", "api_key:" + ROOT, null);
        key(sql, KEY_01, "ORGANIZATION", "org_a", USERS, "ACTIVE", "api_key:" + ADMIN, null);
        key(sql, KEY_02, "ORGANIZATION", "org_a", USERS, "INACTIVE", "cli:op", null);
        key(sql, KEY_03, "ORGANIZATION", "org_a", USERS, "REVOKED", "cli:op", null);
        key(sql, KEY_04, "USER", "kp_u", USERS, "ACTIVE", "cli:op", "2000-01-01 00:00:00");
        scopes(sql, ROOT, MANAGE);
        scopes(sql, ADMIN, MANAGE);
        scopes(sql, KEY_01, READ);
        scopes(sql, KEY_02, WRITE);
        scopes(sql, KEY_03, REFUNDS);
        scopes(sql, KEY_04, REFUNDS);
      }

      JpaPersistence persistence = JpaPersistence.open(dataSource);
      try {
        Owner orgA = new Owner.Org(new OrgCode("org_a"));
        assertThat(persistence.grants().of(orgA))
            .singleElement()
            .satisfies(
                grant -> {
                  assertThat(grant.apiId()).isEqualTo(new ApiId(USERS));
                  assertThat(grant.scopes())
                      .extracting(Scope::key)
                      .containsExactlyInAnyOrder("read:users", "write:users");
                  assertThat(grant.grantedBy()).isEqualTo("keygate:migration");
                });
        assertThat(persistence.grants().of(new Owner.User(new UserId("kp_u")))).isEmpty();
        assertThat(persistence.grants().of(new Owner.Org(new OrgCode("keygate-operator"))))
            .isEmpty();
        assertThat(persistence.apiKeys().findById(new ApiKeyId(ADMIN)).orElseThrow().madeBy())
            .contains(new ApiKeyId(ROOT));
        assertThat(persistence.apiKeys().findById(new ApiKeyId(ROOT)).orElseThrow().madeBy())
            .isEmpty();
        assertThat(persistence.apiKeys().findById(new ApiKeyId(KEY_01)).orElseThrow().madeBy())
            .contains(new ApiKeyId(ADMIN));
        assertThat(persistence.grants().of(orgA)).extracting(Grant::owner).containsOnly(orgA);
      } finally {
        persistence.close();
      }
    }
  }

  private static void key(
      Statement sql,
      String id,
      String ownerType,
      String ownerId,
      String api,
      String status,
      String createdBy,
      String expiresOn)
      throws SQLException {
    sql.executeUpdate(
        "insert into api_keys (id, name, owner_type, owner_id, api_id, status, created_on,"
            + " created_by, expires_on, revoked_on, version) values ('"
            + id
            + "', 'key', '"
            + ownerType
            + "', '"
            + ownerId
            + "', '"
            + api
            + "', '"
            + status
            + "', timestamp '2026-01-01 00:00:00', '"
            + createdBy
            + "', "
            + (expiresOn == null ? "null" : "timestamp '" + expiresOn + "'")
            + ", "
            + (status.equals("REVOKED") ? "timestamp '2026-01-02 00:00:00'" : "null")
            + ", 0)");
    sql.executeUpdate(
        "insert into key_secrets values ('L"
            + id.substring(id.length() - 11)
            + "', '"
            + id
            + "', 0, 'k_live', 'Ab12', '$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA',"
            + " timestamp '2026-01-01 00:00:00', null)");
  }

  private static void scopes(Statement sql, String key, String scope) throws SQLException {
    sql.executeUpdate("insert into api_key_scopes values ('" + key + "', '" + scope + "')");
  }
}
