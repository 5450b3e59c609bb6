package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import java.util.List;
import java.util.Optional;

/** {@link ApiRepository} on Hibernate. */
final class JpaApiRepository implements ApiRepository {

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
    return transactions.call(
        em -> Optional.ofNullable(em.find(ApiEntity.class, id.value())).map(ApiMapper::toDomain));
  }

  @Override
  public Optional<Api> findByAudience(String audience) {
    return transactions.call(
        em ->
            em.createQuery(
                    "select a from ApiEntity a where a.audience = :audience", ApiEntity.class)
                .setParameter("audience", audience)
                .getResultStream()
                .findFirst()
                .map(ApiMapper::toDomain));
  }

  @Override
  public List<Api> list() {
    return transactions.call(
        em ->
            em
                .createQuery("select a from ApiEntity a order by a.id", ApiEntity.class)
                .getResultList()
                .stream()
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
    return transactions.call(
        em ->
            Optional.ofNullable(em.find(ScopeEntity.class, id.value()))
                .filter(scope -> scope.apiId.equals(apiId.value()))
                .map(ApiMapper::toDomain));
  }

  @Override
  public List<Scope> scopes(ApiId apiId) {
    return transactions.call(
        em ->
            em
                .createQuery(
                    "select s from ScopeEntity s where s.apiId = :api order by s.id",
                    ScopeEntity.class)
                .setParameter("api", apiId.value())
                .getResultList()
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
