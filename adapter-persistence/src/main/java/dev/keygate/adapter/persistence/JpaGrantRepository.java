package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.GrantRepository;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.owner.Owner;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link GrantRepository} on Hibernate. The schema's cascades keep grants true to the APIs and
 * scopes they name: deleting a scope or an API takes it out of every grant.
 */
final class JpaGrantRepository implements GrantRepository {

  private static final String FETCH_GRANTS =
      "select distinct g from GrantEntity g left join fetch g.scopes"
          + " where g.ownerType = :type and g.ownerId = :id";

  private final Transactions transactions;

  JpaGrantRepository(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public List<Grant> of(Owner owner) {
    return transactions.call(
        em ->
            em
                .createQuery(FETCH_GRANTS + " order by g.apiId", GrantEntity.class)
                .setParameter("type", owner.type().name())
                .setParameter("id", owner.id())
                .getResultList()
                .stream()
                .map(JpaGrantRepository::toDomain)
                .toList());
  }

  @Override
  public Optional<Grant> find(Owner owner, ApiId apiId) {
    return transactions.call(
        em ->
            em.createQuery(FETCH_GRANTS + " and g.apiId = :api", GrantEntity.class)
                .setParameter("type", owner.type().name())
                .setParameter("id", owner.id())
                .setParameter("api", apiId.value())
                .getResultStream()
                .findFirst()
                .map(JpaGrantRepository::toDomain));
  }

  @Override
  public void put(Grant grant) {
    transactions.call(
        em -> {
          GrantEntity.Key key =
              new GrantEntity.Key(
                  grant.owner().type().name(), grant.owner().id(), grant.apiId().value());
          GrantEntity stored = em.find(GrantEntity.class, key);
          GrantEntity entity = stored == null ? new GrantEntity() : stored;
          entity.ownerType = key.ownerType;
          entity.ownerId = key.ownerId;
          entity.apiId = key.apiId;
          entity.grantedOn = grant.grantedOn();
          entity.grantedBy = grant.grantedBy();
          entity.scopes.clear();
          for (Scope scope : grant.scopes()) {
            entity.scopes.add(em.getReference(ScopeEntity.class, scope.id().value()));
          }
          if (stored == null) {
            em.persist(entity);
          }
          transactions.changed(ChangeFeed.Kind.OWNER_GRANTS, key.ownerType + ":" + key.ownerId);
          return null;
        },
        "the grant of api " + grant.apiId() + " changed at the same time; set it again");
  }

  @Override
  public boolean remove(Owner owner, ApiId apiId) {
    return transactions.call(
        em -> {
          GrantEntity entity =
              em.find(
                  GrantEntity.class,
                  new GrantEntity.Key(owner.type().name(), owner.id(), apiId.value()));
          if (entity == null) {
            return false;
          }
          em.remove(entity);
          transactions.changed(
              ChangeFeed.Kind.OWNER_GRANTS, entity.ownerType + ":" + entity.ownerId);
          return true;
        });
  }

  private static Grant toDomain(GrantEntity entity) {
    return new Grant(
        OwnerMapper.owner(entity.ownerType, entity.ownerId),
        new ApiId(entity.apiId),
        entity.scopes.stream().map(ApiMapper::toDomain).collect(Collectors.toUnmodifiableSet()),
        entity.grantedOn,
        entity.grantedBy);
  }
}
