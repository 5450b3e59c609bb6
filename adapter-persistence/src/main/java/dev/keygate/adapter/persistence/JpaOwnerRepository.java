package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
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
  public Page<Organization> listOrganizations(PageRequest page) {
    return transactions.call(
        em ->
            page(
                em,
                "select o from OrganizationEntity o where o.code > :after order by o.code",
                OrganizationEntity.class,
                page,
                OwnerMapper::toDomain));
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
  public Page<UserAccount> listUsers(PageRequest page) {
    return transactions.call(
        em ->
            page(
                em,
                "select u from UserEntity u where u.id > :after order by u.id",
                UserEntity.class,
                page,
                OwnerMapper::toDomain));
  }

  /** One keyset page: every id sorts after the empty string, so no cursor means from the start. */
  private static <E, T> Page<T> page(
      EntityManager em, String jpql, Class<E> type, PageRequest page, Function<E, T> mapper) {
    TypedQuery<E> query =
        em.createQuery(jpql, type)
            .setParameter("after", page.startingAfter().orElse(""))
            .setMaxResults(page.size() + 1);
    List<T> rows = query.getResultList().stream().map(mapper).toList();
    boolean more = rows.size() > page.size();
    return new Page<>(more ? rows.subList(0, page.size()) : rows, more);
  }
}
