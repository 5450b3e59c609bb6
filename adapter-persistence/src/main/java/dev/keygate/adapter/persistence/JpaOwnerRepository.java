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
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link OwnerRepository} on Hibernate. */
final class JpaOwnerRepository implements OwnerRepository {

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
    return transactions.call(
        em ->
            Optional.ofNullable(em.find(OrganizationEntity.class, code.value()))
                .map(OwnerMapper::toDomain));
  }

  @Override
  public Page<Organization> listOrganizations(ListOrder order, PageRequest page) {
    return transactions.call(
        em -> {
          if (order == ListOrder.ID) {
            return page(
                em,
                "select o from OrganizationEntity o where o.code > :after order by o.code",
                OrganizationEntity.class,
                page,
                OwnerMapper::toDomain);
          }
          return byName(em, order, page);
        });
  }

  /** One keyset page in name order, organizations of one name in code order. */
  private static Page<Organization> byName(EntityManager em, ListOrder order, PageRequest page) {
    boolean ascending = order == ListOrder.NAME_ASCENDING;
    String direction = ascending ? " asc" : " desc";
    String past = ascending ? " > " : " < ";
    Optional<ListOrder.NameCursor> cursor = page.startingAfter().map(order::nameCursor);
    String jpql =
        "select o from OrganizationEntity o"
            + (cursor.isEmpty()
                ? ""
                : " where o.name" + past + ":name or (o.name = :name and o.code" + past + ":code)")
            + " order by o.name"
            + direction
            + ", o.code"
            + direction;
    TypedQuery<OrganizationEntity> query =
        em.createQuery(jpql, OrganizationEntity.class).setMaxResults(page.size() + 1);
    cursor.ifPresent(
        after -> query.setParameter("name", after.name()).setParameter("code", after.id()));
    return paged(query.getResultList().stream().map(OwnerMapper::toDomain).toList(), page);
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
    return transactions.call(
        em ->
            Optional.ofNullable(em.find(UserEntity.class, id.value())).map(OwnerMapper::toDomain));
  }

  @Override
  public Page<UserAccount> listUsers(UserFilter filter, PageRequest page) {
    return transactions.call(
        em -> {
          StringBuilder jpql = new StringBuilder("select u from UserEntity u where u.id > :after");
          if (!filter.ids().isEmpty()) {
            jpql.append(" and u.id in :ids");
          }
          if (!filter.emails().isEmpty()) {
            jpql.append(" and lower(u.email) in :emails");
          }
          TypedQuery<UserEntity> query =
              em.createQuery(jpql.append(" order by u.id").toString(), UserEntity.class)
                  .setParameter("after", page.startingAfter().orElse(""))
                  .setMaxResults(page.size() + 1);
          if (!filter.ids().isEmpty()) {
            query.setParameter("ids", filter.ids().stream().map(UserId::value).toList());
          }
          if (!filter.emails().isEmpty()) {
            query.setParameter("emails", List.copyOf(filter.emails()));
          }
          return paged(query.getResultList().stream().map(OwnerMapper::toDomain).toList(), page);
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

  /** One keyset page: every id sorts after the empty string, so no cursor means from the start. */
  private static <E, T> Page<T> page(
      EntityManager em, String jpql, Class<E> type, PageRequest page, Function<E, T> mapper) {
    TypedQuery<E> query =
        em.createQuery(jpql, type)
            .setParameter("after", page.startingAfter().orElse(""))
            .setMaxResults(page.size() + 1);
    return paged(query.getResultList().stream().map(mapper).toList(), page);
  }

  /** The page of {@code rows}, read one past its size to tell whether more follow. */
  private static <T> Page<T> paged(List<T> rows, PageRequest page) {
    boolean more = rows.size() > page.size();
    return new Page<>(more ? rows.subList(0, page.size()) : rows, more);
  }

  @Override
  public List<RateLimit> rateLimits(Owner owner) {
    return transactions.call(
        em -> {
          List<?> rows =
              em.createNativeQuery(
                      "select rate_limits from owner_rate_limits"
                          + " where owner_type = ?1 and owner_id = ?2")
                  .setParameter(1, owner.type().name())
                  .setParameter(2, owner.id())
                  .getResultList();
          return rows.isEmpty() ? List.of() : PolicyText.limits(rows.get(0).toString());
        });
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
