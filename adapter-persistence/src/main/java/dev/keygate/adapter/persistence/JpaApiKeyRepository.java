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
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@link ApiKeyRepository} on Hibernate, with optimistic locking on the key's version, compared and
 * set by the repository itself (a rotation changes only secret rows, yet moves it on). The version
 * alone, read on every strict verification, is read with plain JDBC: one primary-key read without a
 * session around it.
 */
final class JpaApiKeyRepository implements ApiKeyRepository {

  private static final String FETCH_KEYS =
      "select distinct k from ApiKeyEntity k left join fetch k.secrets left join fetch k.scopes ";
  private static final String READ_VERSION = "select version from api_keys where id = ?";

  private final Transactions transactions;
  private final DataSource dataSource;

  JpaApiKeyRepository(Transactions transactions, DataSource dataSource) {
    this.transactions = transactions;
    this.dataSource = dataSource;
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
    return transactions.call(
        em ->
            em.createQuery(FETCH_KEYS + "where k.id = :id", ApiKeyEntity.class)
                .setParameter("id", id.value())
                .getResultStream()
                .findFirst()
                .map(ApiKeyMapper::toDomain));
  }

  @Override
  public OptionalLong findVersion(ApiKeyId id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement read = connection.prepareStatement(READ_VERSION)) {
      read.setString(1, id.value());
      try (ResultSet row = read.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the version of api key " + id, e);
    }
  }

  @Override
  public Optional<ApiKey> findBySecretLookup(SecretLookup lookup) {
    return transactions.call(
        em ->
            em.createQuery(
                    FETCH_KEYS
                        + "where k.id = (select s.apiKey.id from KeySecretEntity s"
                        + " where s.lookup = :lookup)",
                    ApiKeyEntity.class)
                .setParameter("lookup", lookup.value())
                .getResultStream()
                .findFirst()
                .map(ApiKeyMapper::toDomain));
  }

  @Override
  public Page<ApiKey> list(ApiKeyFilter filter, PageRequest page) {
    return transactions.call(
        em -> {
          List<String> ids = pageOfIds(em, filter, page);
          boolean more = ids.size() > page.size();
          List<String> shown = more ? ids.subList(0, page.size()) : ids;
          if (shown.isEmpty()) {
            return Page.<ApiKey>empty();
          }
          // Secrets and scopes follow in one batch query each, by key id through their indexes:
          // joined into this query, PostgreSQL would rather scan every secret to hash-join.
          List<ApiKey> keys =
              em
                  .createQuery(
                      "select k from ApiKeyEntity k where k.id in :ids", ApiKeyEntity.class)
                  .setParameter("ids", shown)
                  .getResultList()
                  .stream()
                  .map(ApiKeyMapper::toDomain)
                  .sorted(Comparator.comparing(key -> key.id().value()))
                  .toList();
          return new Page<>(keys, more);
        });
  }

  /** Keyset pagination: the ids after the cursor, one more than the page to tell if more follow. */
  private static List<String> pageOfIds(EntityManager em, ApiKeyFilter filter, PageRequest page) {
    StringBuilder jpql = new StringBuilder("select k.id from ApiKeyEntity k where 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    filter
        .ownerType()
        .ifPresent(type -> where(jpql, parameters, "k.ownerType", "ownerType", type.name()));
    filter
        .owner()
        .ifPresent(
            owner -> {
              where(jpql, parameters, "k.ownerType", "exactOwnerType", owner.type().name());
              where(jpql, parameters, "k.ownerId", "ownerId", owner.id());
            });
    filter
        .status()
        .ifPresent(status -> where(jpql, parameters, "k.status", "status", status.name()));
    filter.apiId().ifPresent(api -> where(jpql, parameters, "k.apiId", "apiId", api.value()));
    filter.kind().ifPresent(kind -> where(jpql, parameters, "k.kind", "kind", kind.name()));
    filter
        .search()
        .ifPresent(
            text -> {
              // As ApiKeyFilter.matchesSearch decides: the name contains it, or the id starts
              // with it, either case; the text's own wildcards match only themselves.
              String escaped = likeEscaped(text.toLowerCase(Locale.ROOT));
              jpql.append(
                  " and (lower(k.name) like :nameLike escape '!' or k.id like :idLike escape '!')");
              parameters.put("nameLike", "%" + escaped + "%");
              parameters.put("idLike", escaped + "%");
            });
    page.startingAfter()
        .ifPresent(
            after -> {
              jpql.append(" and k.id > :after");
              parameters.put("after", after);
            });
    jpql.append(" order by k.id");
    TypedQuery<String> query = em.createQuery(jpql.toString(), String.class);
    parameters.forEach(query::setParameter);
    return query.setMaxResults(page.size() + 1).getResultList();
  }

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static void where(
      StringBuilder jpql, Map<String, Object> parameters, String path, String name, Object value) {
    jpql.append(" and ").append(path).append(" = :").append(name);
    parameters.put(name, value);
  }

  @Override
  public long countLive(Owner owner, Instant now) {
    return transactions.call(
        em ->
            em.createQuery(
                    "select count(k) from ApiKeyEntity k where k.ownerType = :type"
                        + " and k.ownerId = :id and k.status <> :revoked"
                        + " and (k.expiresOn is null or k.expiresOn > :now)",
                    Long.class)
                .setParameter("type", owner.type().name())
                .setParameter("id", owner.id())
                .setParameter("revoked", ApiKeyStatus.REVOKED.name())
                .setParameter("now", now)
                .getSingleResult());
  }

  @Override
  public long countByApi(ApiId apiId) {
    return transactions.call(
        em ->
            em.createQuery("select count(k) from ApiKeyEntity k where k.apiId = :api", Long.class)
                .setParameter("api", apiId.value())
                .getSingleResult());
  }

  @Override
  public List<ApiKey> expiringBetween(Instant after, Instant until, int limit) {
    return transactions.call(
        em -> {
          List<String> ids =
              em.createQuery(
                      "select k.id from ApiKeyEntity k where k.status <> :revoked"
                          + " and k.expiresOn > :after and k.expiresOn <= :until"
                          + " order by k.expiresOn, k.id",
                      String.class)
                  .setParameter("revoked", ApiKeyStatus.REVOKED.name())
                  .setParameter("after", after)
                  .setParameter("until", until)
                  .setMaxResults(limit)
                  .getResultList();
          if (ids.isEmpty()) {
            return List.<ApiKey>of();
          }
          Map<String, Integer> order = new HashMap<>();
          ids.forEach(id -> order.put(id, order.size()));
          return em
              .createQuery(FETCH_KEYS + "where k.id in :ids", ApiKeyEntity.class)
              .setParameter("ids", ids)
              .getResultList()
              .stream()
              .sorted(Comparator.comparing(key -> order.get(key.id)))
              .map(ApiKeyMapper::toDomain)
              .toList();
        });
  }

  @Override
  public List<ApiKey> removeExpiredPortalLinks(Instant expiredBefore, int limit) {
    return transactions.call(
        em -> {
          List<String> ids =
              em.createQuery(
                      "select k.id from ApiKeyEntity k where k.kind = :kind"
                          + " and k.expiresOn < :before order by k.expiresOn, k.id",
                      String.class)
                  .setParameter("kind", ApiKeyKind.PORTAL_LINK.name())
                  .setParameter("before", expiredBefore)
                  .setMaxResults(limit)
                  .getResultList();
          if (ids.isEmpty()) {
            return List.<ApiKey>of();
          }
          List<ApiKeyEntity> entities =
              em.createQuery(FETCH_KEYS + "where k.id in :ids", ApiKeyEntity.class)
                  .setParameter("ids", ids)
                  .getResultList();
          List<ApiKey> read = entities.stream().map(ApiKeyMapper::toDomain).toList();
          // The database deletes the secrets, scopes, credits and usage counts with each key.
          entities.forEach(em::detach);
          // One by one, so that only the keys this unit deleted are answered: another node
          // sweeping at once deletes the rest, and records them itself.
          List<String> deleted = new ArrayList<>();
          for (String id : ids) {
            if (em.createNativeQuery("delete from api_keys where id = ?1")
                    .setParameter(1, id)
                    .executeUpdate()
                == 1) {
              deleted.add(id);
              transactions.changed(ChangeFeed.Kind.API_KEY, id);
            }
          }
          Map<String, Integer> order = new HashMap<>();
          deleted.forEach(id -> order.put(id, order.size()));
          return read.stream()
              .filter(key -> order.containsKey(key.id().value()))
              .sorted(Comparator.comparing(key -> order.get(key.id().value())))
              .toList();
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
