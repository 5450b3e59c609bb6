package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyKind;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.token.SecretLookup;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link ApiKeyRepository}: changes on Hibernate, with optimistic locking on the key's version,
 * compared and set by the repository itself (a rotation changes only secret rows, yet moves it on);
 * reads in plain SQL.
 */
final class JpaApiKeyRepository implements ApiKeyRepository {

  private static final String READ_VERSION = "select version from api_keys where id = ?";

  private final Transactions transactions;

  JpaApiKeyRepository(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(ApiKey key) {
    transactions.call(
        em -> {
          ApiKeyEntity entity = new ApiKeyEntity();
          ApiKeyMapper.copy(key, entity, scopesOf(em, key));
          entity.version = key.version();
          em.persist(entity);
          transactions.changed(ChangeFeed.Kind.API_KEY, key.id().value());
          return null;
        },
        "api key " + key.id() + " or one of its secret lookups already exists");
  }

  @Override
  public ApiKey update(ApiKey key) {
    String conflict = "api key " + key.id() + " was changed concurrently; read it again and retry";
    return transactions.call(
        em -> {
          // Compare and set: the version moves on only from the one the change was made on, and
          // the row stays locked until the unit ends, so two changes of one key never both win.
          int moved =
              em.createQuery(
                      "update ApiKeyEntity k set k.version = k.version + 1"
                          + " where k.id = :id and k.version = :version")
                  .setParameter("id", key.id().value())
                  .setParameter("version", key.version())
                  .executeUpdate();
          if (moved == 0) {
            if (em.find(ApiKeyEntity.class, key.id().value()) == null) {
              throw new NotFoundException("api key " + key.id() + " not found");
            }
            throw new ConflictException(conflict);
          }
          ApiKeyEntity entity = em.find(ApiKeyEntity.class, key.id().value());
          if (entity.version != key.version() + 1) {
            // read earlier in this unit, before the version moved on
            em.refresh(entity);
          }
          ApiKeyMapper.copy(key, entity, scopesOf(em, key));
          transactions.changed(ChangeFeed.Kind.API_KEY, key.id().value());
          return ApiKeyMapper.toDomain(entity);
        },
        conflict);
  }

  /**
   * The stored scopes that {@code key} holds, loaded in one query: read in the same unit, a key
   * holds scopes with their state, never bare references.
   */
  private static Function<ScopeId, ScopeEntity> scopesOf(EntityManager em, ApiKey key) {
    List<String> held = key.scopes().stream().map(scope -> scope.id().value()).toList();
    Map<String, ScopeEntity> stored =
        held.isEmpty()
            ? Map.of()
            : em.createQuery("select s from ScopeEntity s where s.id in :ids", ScopeEntity.class)
                .setParameter("ids", held)
                .getResultStream()
                .collect(Collectors.toMap(scope -> scope.id, scope -> scope));
    return id -> {
      ScopeEntity scope = stored.get(id.value());
      if (scope == null) {
        throw new ConflictException("scope " + id + " was deleted meanwhile; read it again");
      }
      return scope;
    };
  }

  @Override
  public Optional<ApiKey> findById(ApiKeyId id) {
    return transactions.read(
        "api key " + id, connection -> keys(connection, List.of(id.value())).stream().findFirst());
  }

  @Override
  public OptionalLong findVersion(ApiKeyId id) {
    return transactions.read(
        "the version of api key " + id,
        connection ->
            Rows.first(connection, READ_VERSION, List.of(id.value()), row -> row.getLong(1))
                .map(OptionalLong::of)
                .orElseGet(OptionalLong::empty));
  }

  @Override
  public Optional<ApiKey> findBySecretLookup(SecretLookup lookup) {
    return transactions.read(
        "the api key of a secret",
        connection ->
            keys(
                    connection,
                    Rows.list(
                        connection,
                        "select api_key_id from key_secrets where lookup = ?",
                        List.of(lookup.value()),
                        row -> row.getString(1)))
                .stream()
                .findFirst());
  }

  @Override
  public Page<ApiKey> list(ApiKeyFilter filter, PageRequest page) {
    return transactions.read(
        "api keys",
        connection -> {
          List<String> ids = pageOfIds(connection, filter, page);
          boolean more = ids.size() > page.size();
          List<String> shown = more ? ids.subList(0, page.size()) : ids;
          return new Page<>(keys(connection, shown), more);
        });
  }

  /**
   * The keys of {@code wanted} that exist, in that order, with their secrets and scopes: three
   * queries, each by key id through an index (joined into one, PostgreSQL would rather scan every
   * secret).
   */
  private static List<ApiKey> keys(Connection connection, List<String> wanted) throws SQLException {
    if (wanted.isEmpty()) {
      return List.of();
    }
    Map<String, ApiKeyEntity> keys = new HashMap<>();
    for (ApiKeyEntity key :
        Rows.list(
            connection,
            ApiKeyEntity.SELECT + " where k.id in (" + Rows.placeholders(wanted) + ")",
            wanted,
            ApiKeyEntity::read)) {
      keys.put(key.id, key);
    }
    if (keys.isEmpty()) {
      return List.of();
    }
    // The secrets and scopes of the keys read, not of every id asked for: a key made meanwhile
    // has neither here.
    List<String> ids = List.copyOf(keys.keySet());
    String in = " in (" + Rows.placeholders(ids) + ")";
    for (KeySecretEntity secret :
        Rows.list(
            connection,
            KeySecretEntity.SELECT + " where api_key_id" + in,
            ids,
            KeySecretEntity::read)) {
      ApiKeyEntity key = keys.get(secret.apiKey.id);
      secret.apiKey = key;
      key.secrets.add(secret);
    }
    for (Map.Entry<String, ScopeEntity> held :
        Rows.list(
            connection,
            "select ks.api_key_id, "
                + ScopeEntity.COLUMNS
                + " from api_key_scopes ks join api_scopes s on s.id = ks.scope_id"
                + " where ks.api_key_id"
                + in,
            ids,
            row -> Map.entry(row.getString("api_key_id"), ScopeEntity.read(row)))) {
      keys.get(held.getKey()).scopes.add(held.getValue());
    }
    return wanted.stream()
        .map(keys::get)
        .filter(Objects::nonNull)
        .map(ApiKeyMapper::toDomain)
        .toList();
  }

  /** Keyset pagination: the ids after the cursor, one more than the page to tell if more follow. */
  private static List<String> pageOfIds(
      Connection connection, ApiKeyFilter filter, PageRequest page) throws SQLException {
    StringBuilder sql = new StringBuilder("select id from api_keys where 1 = 1");
    List<Object> parameters = new ArrayList<>();
    filter.ownerType().ifPresent(type -> where(sql, parameters, "owner_type", type.name()));
    filter
        .owner()
        .ifPresent(
            owner -> {
              where(sql, parameters, "owner_type", owner.type().name());
              where(sql, parameters, "owner_id", owner.id());
            });
    filter.status().ifPresent(status -> where(sql, parameters, "status", status.name()));
    filter.apiId().ifPresent(api -> where(sql, parameters, "api_id", api.value()));
    filter.kind().ifPresent(kind -> where(sql, parameters, "kind", kind.name()));
    filter
        .search()
        .ifPresent(
            text -> {
              // As ApiKeyFilter.matchesSearch decides: the name contains it, or the id starts
              // with it, either case; the text's own wildcards match only themselves.
              String escaped = likeEscaped(text.toLowerCase(Locale.ROOT));
              sql.append(" and (lower(name) like ? escape '!' or id like ? escape '!')");
              parameters.add("%" + escaped + "%");
              parameters.add(escaped + "%");
            });
    page.startingAfter()
        .ifPresent(
            after -> {
              sql.append(" and id > ?");
              parameters.add(after);
            });
    sql.append(" order by id fetch first ? rows only");
    parameters.add(page.size() + 1);
    return Rows.list(connection, sql.toString(), parameters, row -> row.getString(1));
  }

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static void where(
      StringBuilder sql, List<Object> parameters, String column, Object value) {
    sql.append(" and ").append(column).append(" = ?");
    parameters.add(value);
  }

  @Override
  public long countLive(Owner owner, Instant now) {
    return transactions.read(
        "the keys of " + owner,
        connection ->
            Rows.count(
                connection,
                "select count(*) from api_keys where owner_type = ? and owner_id = ?"
                    + " and status <> ? and (expires_on is null or expires_on > ?)",
                List.of(owner.type().name(), owner.id(), ApiKeyStatus.REVOKED.name(), now)));
  }

  @Override
  public long countByApi(ApiId apiId) {
    return transactions.read(
        "the keys of api " + apiId,
        connection ->
            Rows.count(
                connection,
                "select count(*) from api_keys where api_id = ?",
                List.of(apiId.value())));
  }

  @Override
  public List<ApiKey> expiringBetween(Instant after, Instant until, int limit) {
    return transactions.read(
        "the keys expiring soon",
        connection ->
            keys(
                connection,
                Rows.list(
                    connection,
                    "select id from api_keys where status <> ?"
                        + " and expires_on > ? and expires_on <= ?"
                        + " order by expires_on, id fetch first ? rows only",
                    List.of(ApiKeyStatus.REVOKED.name(), after, until, limit),
                    row -> row.getString(1))));
  }

  @Override
  public List<ApiKey> removeExpiredPortalLinks(Instant expiredBefore, int limit) {
    return transactions.call(
        em -> {
          List<ApiKey> expired =
              transactions.read(
                  "the expired portal links' keys",
                  connection ->
                      keys(
                          connection,
                          Rows.list(
                              connection,
                              "select id from api_keys where kind = ? and expires_on < ?"
                                  + " order by expires_on, id fetch first ? rows only",
                              List.of(ApiKeyKind.PORTAL_LINK.name(), expiredBefore, limit),
                              row -> row.getString(1))));
          // The database deletes the secrets, scopes, credits and usage counts with each key.
          // One by one, so that only the keys this unit deleted are answered: another node
          // sweeping at once deletes the rest, and records them itself.
          List<ApiKey> deleted = new ArrayList<>();
          for (ApiKey key : expired) {
            if (em.createNativeQuery("delete from api_keys where id = ?1")
                    .setParameter(1, key.id().value())
                    .executeUpdate()
                == 1) {
              deleted.add(key);
              transactions.changed(ChangeFeed.Kind.API_KEY, key.id().value());
            }
          }
          return deleted;
        });
  }

  @Override
  public void withdrawScope(ScopeId scopeId) {
    transactions.call(
        em -> {
          // The scope's row first: a unit that gives the scope to a key meanwhile waits on it
          // (its foreign key check), so every holder is among those read below and in the feed.
          em.createNativeQuery("select id from api_scopes where id = ?1 for update")
              .setParameter(1, scopeId.value())
              .getResultList();
          // Bump the version of every holder first, so a concurrent update of one of them loses.
          List<?> holders =
              em.createNativeQuery("select api_key_id from api_key_scopes where scope_id = ?1")
                  .setParameter(1, scopeId.value())
                  .getResultList();
          for (Object holder : holders) {
            transactions.changed(ChangeFeed.Kind.API_KEY, holder.toString());
          }
          em.createNativeQuery(
                  "update api_keys set version = version + 1 where id in"
                      + " (select api_key_id from api_key_scopes where scope_id = ?1)")
              .setParameter(1, scopeId.value())
              .executeUpdate();
          em.createNativeQuery("delete from api_key_scopes where scope_id = ?1")
              .setParameter(1, scopeId.value())
              .executeUpdate();
          return null;
        });
  }
}
