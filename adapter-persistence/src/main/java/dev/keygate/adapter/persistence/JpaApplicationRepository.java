package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ApplicationRepository;
import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.OrgCode;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link ApplicationRepository} on Hibernate. The schema's cascades keep applications true to the
 * APIs and scopes they name: deleting a scope or an API takes it out of every application.
 */
final class JpaApplicationRepository implements ApplicationRepository {

  private final Transactions transactions;

  JpaApplicationRepository(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(Application application) {
    transactions.call(
        em -> {
          ApplicationEntity entity = new ApplicationEntity();
          entity.id = application.id().value();
          copy(em, application, entity);
          em.persist(entity);
          transactions.changed(ChangeFeed.Kind.APPLICATION, application.id().value());
          return null;
        },
        "application " + application.id() + " exists already");
  }

  @Override
  public Optional<Application> findById(ApplicationId id) {
    return transactions.call(
        // One query by primary key, with the application's APIs and scopes: what every access
        // token's check costs.
        em ->
            em.createQuery(
                    "select distinct a from ApplicationEntity a left join fetch a.apiIds"
                        + " left join fetch a.scopes where a.id = :id",
                    ApplicationEntity.class)
                .setParameter("id", id.value())
                .getResultStream()
                .findFirst()
                .map(JpaApplicationRepository::toDomain));
  }

  @Override
  public List<Application> list(Optional<OrgCode> org) {
    return transactions.call(
        em -> {
          String where = org.isPresent() ? " where a.orgCode = :org" : "";
          var query =
              em.createQuery(
                  "select a from ApplicationEntity a" + where + " order by a.id",
                  ApplicationEntity.class);
          org.ifPresent(code -> query.setParameter("org", code.value()));
          return query.getResultList().stream().map(JpaApplicationRepository::toDomain).toList();
        });
  }

  @Override
  public void update(Application application) {
    transactions.call(
        em -> {
          ApplicationEntity entity = em.find(ApplicationEntity.class, application.id().value());
          if (entity != null) {
            copy(em, application, entity);
            transactions.changed(ChangeFeed.Kind.APPLICATION, application.id().value());
          }
          return null;
        },
        "application " + application.id() + " changed at the same time; try again");
  }

  @Override
  public boolean delete(ApplicationId id) {
    return transactions.call(
        em -> {
          ApplicationEntity entity = em.find(ApplicationEntity.class, id.value());
          if (entity == null) {
            return false;
          }
          em.remove(entity);
          transactions.changed(ChangeFeed.Kind.APPLICATION, id.value());
          return true;
        });
  }

  private static void copy(EntityManager em, Application application, ApplicationEntity entity) {
    entity.name = application.name();
    entity.orgCode = application.org().map(OrgCode::value).orElse(null);
    entity.secretHash = application.secretHash();
    entity.secretVersion = application.secretVersion();
    entity.createdOn = application.createdOn();
    entity.createdBy = application.createdBy();
    entity.madeBy = application.madeBy().map(ApiKeyId::value).orElse(null);
    entity.expiresOn = application.expiresOn().orElse(null);
    entity.apiIds.clear();
    application.apis().forEach(api -> entity.apiIds.add(api.value()));
    entity.scopes.clear();
    for (Scope scope : application.scopes()) {
      entity.scopes.add(em.getReference(ScopeEntity.class, scope.id().value()));
    }
  }

  private static Application toDomain(ApplicationEntity entity) {
    return new Application(
        new ApplicationId(entity.id),
        entity.name,
        Optional.ofNullable(entity.orgCode).map(OrgCode::new),
        entity.secretHash,
        entity.secretVersion,
        entity.apiIds.stream().map(ApiId::new).collect(Collectors.toUnmodifiableSet()),
        entity.scopes.stream().map(ApiMapper::toDomain).collect(Collectors.toUnmodifiableSet()),
        entity.createdOn,
        entity.createdBy,
        Optional.ofNullable(entity.madeBy).map(ApiKeyId::new),
        Optional.ofNullable(entity.expiresOn));
  }
}
