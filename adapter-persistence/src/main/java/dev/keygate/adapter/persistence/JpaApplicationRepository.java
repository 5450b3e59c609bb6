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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link ApplicationRepository}: changes on Hibernate, reads in plain SQL. The schema's cascades
 * keep applications true to the APIs and scopes they name: deleting a scope or an API takes it out
 * of every application.
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
    // By primary key, with the application's APIs and scopes: what every access token's check
    // costs.
    return transactions.read(
        "application " + id,
        connection ->
            applications(connection, " where a.id = ?", List.of(id.value())).stream().findFirst());
  }

  @Override
  public List<Application> list(Optional<OrgCode> org) {
    return transactions.read(
        "applications",
        connection ->
            applications(
                connection,
                (org.isPresent() ? " where a.org_code = ?" : "") + " order by a.id",
                org.map(code -> List.<Object>of(code.value())).orElse(List.of())));
  }

  /**
   * The applications {@code where} picks, in its order, with their APIs and scopes read by a query
   * each for the ids read.
   */
  private static List<Application> applications(
      Connection connection, String where, List<Object> parameters) throws SQLException {
    List<ApplicationEntity> applications =
        Rows.list(
            connection, ApplicationEntity.SELECT + where, parameters, ApplicationEntity::read);
    if (applications.isEmpty()) {
      return List.of();
    }
    Map<String, ApplicationEntity> byId = new HashMap<>();
    applications.forEach(application -> byId.put(application.id, application));
    List<String> ids = List.copyOf(byId.keySet());
    String in = " in (" + Rows.placeholders(ids) + ")";
    for (Map.Entry<String, String> api :
        Rows.list(
            connection,
            "select application_id, api_id from application_apis where application_id" + in,
            ids,
            row -> Map.entry(row.getString(1), row.getString(2)))) {
      byId.get(api.getKey()).apiIds.add(api.getValue());
    }
    for (Map.Entry<String, ScopeEntity> held :
        Rows.list(
            connection,
            "select x.application_id, "
                + ScopeEntity.COLUMNS
                + " from application_scopes x join api_scopes s on s.id = x.scope_id"
                + " where x.application_id"
                + in,
            ids,
            row -> Map.entry(row.getString("application_id"), ScopeEntity.read(row)))) {
      byId.get(held.getKey()).scopes.add(held.getValue());
    }
    return applications.stream().map(JpaApplicationRepository::toDomain).toList();
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
