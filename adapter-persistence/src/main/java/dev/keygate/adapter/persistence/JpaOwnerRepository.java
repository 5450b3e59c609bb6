package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.application.port.query.UserFilter;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.policy.RateLimit;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link OwnerRepository}: changes on Hibernate, reads in plain SQL. */
final class JpaOwnerRepository implements OwnerRepository {

  private static final String ORGANIZATIONS = "select code, name, created_on from organizations";
  private static final String USERS = "select id, name, email, created_on from users";

  private final Transactions transactions;

  JpaOwnerRepository(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void addOrganization(Organization organization) {
    transactions.call(
        em -> {
          em.persist(OwnerMapper.toEntity(organization));
          return null;
        },
        "organization " + organization.code() + " already exists");
  }

  @Override
  public Optional<Organization> findOrganization(OrgCode code) {
    return transactions.read(
        "organization " + code,
        connection ->
            Rows.first(
                    connection,
                    ORGANIZATIONS + " where code = ?",
                    List.of(code.value()),
                    OrganizationEntity::read)
                .map(OwnerMapper::toDomain));
  }

  @Override
  public Page<Organization> listOrganizations(ListOrder order, PageRequest page) {
    return transactions.read(
        "organizations",
        connection -> {
          if (order == ListOrder.ID) {
            return paged(
                Rows.list(
                    connection,
                    ORGANIZATIONS + " where code > ? order by code fetch first ? rows only",
                    List.of(page.startingAfter().orElse(""), page.size() + 1),
                    OrganizationEntity::read),
                page,
                OwnerMapper::toDomain);
          }
          return byName(connection, order, page);
        });
  }

  /** One keyset page in name order, organizations of one name in code order. */
  private static Page<Organization> byName(Connection connection, ListOrder order, PageRequest page)
      throws SQLException {
    boolean ascending = order == ListOrder.NAME_ASCENDING;
    String direction = ascending ? " asc" : " desc";
    String past = ascending ? " > " : " < ";
    Optional<ListOrder.NameCursor> cursor = page.startingAfter().map(order::nameCursor);
    String sql =
        ORGANIZATIONS
            + (cursor.isEmpty()
                ? ""
                : " where name" + past + "? or (name = ? and code" + past + "?)")
            + " order by name"
            + direction
            + ", code"
            + direction
            + " fetch first ? rows only";
    List<Object> parameters =
        new ArrayList<>(
            cursor
                .map(after -> List.<Object>of(after.name(), after.name(), after.id()))
                .orElse(List.of()));
    parameters.add(page.size() + 1);
    return paged(
        Rows.list(connection, sql, parameters, OrganizationEntity::read),
        page,
        OwnerMapper::toDomain);
  }

  @Override
  public void updateOrganization(Organization organization) {
    transactions.call(
        em -> {
          OrganizationEntity entity =
              em.find(OrganizationEntity.class, organization.code().value());
          if (entity != null) {
            entity.name = organization.name();
          }
          return null;
        });
  }

  @Override
  public boolean deleteOrganization(OrgCode code) {
    return transactions.call(
        em -> {
          forgetRateLimits(em, new Owner.Org(code));
          return remove(em, em.find(OrganizationEntity.class, code.value()));
        });
  }

  @Override
  public void addUser(UserAccount user) {
    transactions.call(
        em -> {
          em.persist(OwnerMapper.toEntity(user));
          return null;
        },
        "user " + user.id() + " already exists");
  }

  @Override
  public Optional<UserAccount> findUser(UserId id) {
    return transactions.read(
        "user " + id,
        connection ->
            Rows.first(connection, USERS + " where id = ?", List.of(id.value()), UserEntity::read)
                .map(OwnerMapper::toDomain));
  }

  @Override
  public Page<UserAccount> listUsers(UserFilter filter, PageRequest page) {
    return transactions.read(
        "users",
        connection -> {
          StringBuilder sql = new StringBuilder(USERS + " where id > ?");
          List<Object> parameters = new ArrayList<>();
          parameters.add(page.startingAfter().orElse(""));
          if (!filter.ids().isEmpty()) {
            sql.append(" and id in (").append(Rows.placeholders(filter.ids())).append(")");
            filter.ids().forEach(id -> parameters.add(id.value()));
          }
          if (!filter.emails().isEmpty()) {
            sql.append(" and lower(email) in (").append(Rows.placeholders(filter.emails()));
            sql.append(")");
            parameters.addAll(filter.emails());
          }
          sql.append(" order by id fetch first ? rows only");
          parameters.add(page.size() + 1);
          return paged(
              Rows.list(connection, sql.toString(), parameters, UserEntity::read),
              page,
              OwnerMapper::toDomain);
        });
  }

  @Override
  public void updateUser(UserAccount user) {
    transactions.call(
        em -> {
          UserEntity entity = em.find(UserEntity.class, user.id().value());
          if (entity != null) {
            entity.name = user.name();
          }
          return null;
        });
  }

  @Override
  public boolean deleteUser(UserId id) {
    return transactions.call(
        em -> {
          forgetRateLimits(em, new Owner.User(id));
          return remove(em, em.find(UserEntity.class, id.value()));
        });
  }

  private static boolean remove(EntityManager em, Object entity) {
    if (entity == null) {
      return false;
    }
    em.remove(entity);
    return true;
  }

  /**
   * The page of {@code rows}, read one past its size to tell whether more follow; every id sorts
   * after the empty string, so no cursor means from the start.
   */
  private static <E, T> Page<T> paged(List<E> rows, PageRequest page, Function<E, T> mapper) {
    boolean more = rows.size() > page.size();
    return new Page<>(
        (more ? rows.subList(0, page.size()) : rows).stream().map(mapper).toList(), more);
  }

  @Override
  public List<RateLimit> rateLimits(Owner owner) {
    return transactions.read(
        "the rate limits of " + owner,
        connection ->
            Rows.first(
                    connection,
                    "select rate_limits from owner_rate_limits"
                        + " where owner_type = ? and owner_id = ?",
                    List.of(owner.type().name(), owner.id()),
                    row -> PolicyText.limits(row.getString(1)))
                .orElse(List.of()));
  }

  @Override
  public void setRateLimits(Owner owner, List<RateLimit> limits) {
    transactions.call(
        em -> {
          String type = owner.type().name();
          String text = PolicyText.limits(limits);
          int replaced =
              text == null
                  ? em.createNativeQuery(
                          "delete from owner_rate_limits where owner_type = ?1 and owner_id = ?2")
                      .setParameter(1, type)
                      .setParameter(2, owner.id())
                      .executeUpdate()
                  : em.createNativeQuery(
                          "update owner_rate_limits set rate_limits = ?3"
                              + " where owner_type = ?1 and owner_id = ?2")
                      .setParameter(1, type)
                      .setParameter(2, owner.id())
                      .setParameter(3, text)
                      .executeUpdate();
          if (text != null && replaced == 0) {
            em.createNativeQuery(
                    "insert into owner_rate_limits (owner_type, owner_id, rate_limits)"
                        + " values (?1, ?2, ?3)")
                .setParameter(1, type)
                .setParameter(2, owner.id())
                .setParameter(3, text)
                .executeUpdate();
          }
          // Every key reads the limits with itself: each one changes, as an update would.
          em.createNativeQuery(
                  "update api_keys set version = version + 1"
                      + " where owner_type = ?1 and owner_id = ?2")
              .setParameter(1, type)
              .setParameter(2, owner.id())
              .executeUpdate();
          List<?> keys =
              em.createNativeQuery(
                      "select id from api_keys where owner_type = ?1 and owner_id = ?2")
                  .setParameter(1, type)
                  .setParameter(2, owner.id())
                  .getResultList();
          for (Object key : keys) {
            transactions.changed(ChangeFeed.Kind.API_KEY, key.toString());
          }
          return null;
        },
        "the rate limits of " + owner + " were changed concurrently; try again");
  }

  /** An owner's shared limits go with it: one made again later under its name starts without. */
  private static void forgetRateLimits(EntityManager em, Owner owner) {
    em.createNativeQuery("delete from owner_rate_limits where owner_type = ?1 and owner_id = ?2")
        .setParameter(1, owner.type().name())
        .setParameter(2, owner.id())
        .executeUpdate();
  }
}
