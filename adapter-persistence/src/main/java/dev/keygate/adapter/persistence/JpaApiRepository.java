package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import java.util.List;
import java.util.Optional;

/** {@link ApiRepository}: changes on Hibernate, reads in plain SQL. */
final class JpaApiRepository implements ApiRepository {

  private static final String APIS = "select id, name, audience, created_on from apis";
  private static final String SCOPES = "select " + ScopeEntity.COLUMNS + " from api_scopes s";

  private final Transactions transactions;

  JpaApiRepository(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(Api api) {
    transactions.call(
        em -> {
          em.persist(ApiMapper.toEntity(api));
          return null;
        },
        "an api with this audience already exists");
  }

  @Override
  public Optional<Api> findById(ApiId id) {
    return transactions.read(
        "api " + id,
        connection ->
            Rows.first(connection, APIS + " where id = ?", List.of(id.value()), ApiEntity::read)
                .map(ApiMapper::toDomain));
  }

  @Override
  public Optional<Api> findByAudience(String audience) {
    return transactions.read(
        "the api of an audience",
        connection ->
            Rows.first(connection, APIS + " where audience = ?", List.of(audience), ApiEntity::read)
                .map(ApiMapper::toDomain));
  }

  @Override
  public List<Api> list() {
    return transactions.read(
        "apis",
        connection ->
            Rows.list(connection, APIS + " order by id", List.of(), ApiEntity::read).stream()
                .map(ApiMapper::toDomain)
                .toList());
  }

  @Override
  public void delete(ApiId id) {
    transactions.call(
        em -> {
          em.createQuery("delete from ScopeEntity s where s.apiId = :api")
              .setParameter("api", id.value())
              .executeUpdate();
          em.createQuery("delete from ApiEntity a where a.id = :api")
              .setParameter("api", id.value())
              .executeUpdate();
          return null;
        },
        "api " + id + " still has api keys");
  }

  @Override
  public void addScope(Scope scope) {
    transactions.call(
        em -> {
          em.persist(ApiMapper.toEntity(scope));
          return null;
        },
        "api " + scope.apiId() + " already has a scope with this key");
  }

  @Override
  public Optional<Scope> findScope(ApiId apiId, ScopeId id) {
    return transactions.read(
        "scope " + id,
        connection ->
            Rows.first(
                    connection,
                    SCOPES + " where s.id = ? and s.api_id = ?",
                    List.of(id.value(), apiId.value()),
                    ScopeEntity::read)
                .map(ApiMapper::toDomain));
  }

  @Override
  public List<Scope> scopes(ApiId apiId) {
    return transactions.read(
        "the scopes of api " + apiId,
        connection ->
            Rows.list(
                    connection,
                    SCOPES + " where s.api_id = ? order by s.id",
                    List.of(apiId.value()),
                    ScopeEntity::read)
                .stream()
                .map(ApiMapper::toDomain)
                .toList());
  }

  @Override
  public void updateScope(Scope scope) {
    transactions.call(
        em -> {
          ScopeEntity entity = em.find(ScopeEntity.class, scope.id().value());
          if (entity != null) {
            entity.description = scope.description();
          }
          return null;
        });
  }

  @Override
  public void deleteScope(ScopeId id) {
    transactions.call(
        em -> {
          em.createQuery("delete from ScopeEntity s where s.id = :id")
              .setParameter("id", id.value())
              .executeUpdate();
          return null;
        });
  }
}
