package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.GrantRepository;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.owner.Owner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link GrantRepository}: changes on Hibernate, reads in plain SQL. The schema's cascades keep
 * grants true to the APIs and scopes they name: deleting a scope or an API takes it out of every
 * grant.
 */
final class JpaGrantRepository implements GrantRepository {

  private static final String GRANTS =
      "select owner_type, owner_id, api_id, granted_on, granted_by from owner_grants"
          + " where owner_type = ? and owner_id = ?";

  private final Transactions transactions;

  JpaGrantRepository(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public List<Grant> of(Owner owner) {
    return transactions.read(
        "the grants of " + owner,
        connection ->
            grants(
                connection, GRANTS + " order by api_id", List.of(owner.type().name(), owner.id())));
  }

  @Override
  public Optional<Grant> find(Owner owner, ApiId apiId) {
    return transactions.read(
        "the grant of api " + apiId + " to " + owner,
        connection ->
            grants(
                    connection,
                    GRANTS + " and api_id = ?",
                    List.of(owner.type().name(), owner.id(), apiId.value()))
                .stream()
                .findFirst());
  }

  /** The grants {@code sql} selects, one owner's, with their scopes read in a second query. */
  private static List<Grant> grants(Connection connection, String sql, List<Object> parameters)
      throws SQLException {
    List<GrantEntity> grants = Rows.list(connection, sql, parameters, GrantEntity::read);
    if (grants.isEmpty()) {
      return List.of();
    }
    Map<String, GrantEntity> byApi = new HashMap<>();
    grants.forEach(grant -> byApi.put(grant.apiId, grant));
    for (Map.Entry<String, ScopeEntity> granted :
        Rows.list(
            connection,
            "select gs.api_id as granted_api, "
                + ScopeEntity.COLUMNS
                + " from owner_grant_scopes gs join api_scopes s on s.id = gs.scope_id"
                + " where gs.owner_type = ? and gs.owner_id = ?",
            parameters.subList(0, 2),
            row -> Map.entry(row.getString("granted_api"), ScopeEntity.read(row)))) {
      GrantEntity grant = byApi.get(granted.getKey());
      if (grant != null) {
        grant.scopes.add(granted.getValue());
      }
    }
    return grants.stream().map(JpaGrantRepository::toDomain).toList();
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
