package dev.keygate.application.port.out;

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
import java.util.List;
import java.util.Optional;

/** Stores the organizations and users that keys can be issued to. */
public interface OwnerRepository {

  /**
   * Stores a new organization.
   *
   * @throws dev.keygate.domain.ConflictException if its code is taken
   */
  void addOrganization(Organization organization);

  Optional<Organization> findOrganization(OrgCode code);

  /** One page of organizations in {@code order}, after a cursor of that order. */
  Page<Organization> listOrganizations(ListOrder order, PageRequest page);

  /** One page of organizations in code order. */
  default Page<Organization> listOrganizations(PageRequest page) {
    return listOrganizations(ListOrder.ID, page);
  }

  /** Replaces a stored organization's name. */
  void updateOrganization(Organization organization);

  /** Removes the organization; whether there was one. */
  boolean deleteOrganization(OrgCode code);

  /**
   * Stores a new user.
   *
   * @throws dev.keygate.domain.ConflictException if its id is taken
   */
  void addUser(UserAccount user);

  Optional<UserAccount> findUser(UserId id);

  /** One page of the users that pass {@code filter}, in id order. */
  Page<UserAccount> listUsers(UserFilter filter, PageRequest page);

  /** One page of users in id order. */
  default Page<UserAccount> listUsers(PageRequest page) {
    return listUsers(UserFilter.ALL, page);
  }

  /** Replaces a stored user's name. */
  void updateUser(UserAccount user);

  /** Removes the user; whether there was one. */
  boolean deleteUser(UserId id);

  /** Whether the organization or user exists; the environment always does. */
  default boolean exists(Owner owner) {
    if (owner instanceof Owner.Org org) {
      return findOrganization(org.code()).isPresent();
    }
    if (owner instanceof Owner.User user) {
      return findUser(user.userId()).isPresent();
    }
    return owner instanceof Owner.Environment;
  }

  /** The rate limits the owner's keys share; empty when it has none. */
  List<RateLimit> rateLimits(Owner owner);

  /**
   * Replaces the rate limits the owner's keys share. Every key of the owner changes with them, as a
   * verification reads them with the key: each one's version moves on, and the change feed has it.
   */
  void setRateLimits(Owner owner, List<RateLimit> limits);
}
