package dev.keygate.application.port.out;

import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
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

  /** One page of organizations in code order. */
  Page<Organization> listOrganizations(PageRequest page);

  /**
   * Stores a new user.
   *
   * @throws dev.keygate.domain.ConflictException if its id is taken
   */
  void addUser(UserAccount user);

  Optional<UserAccount> findUser(UserId id);

  /** One page of users in id order. */
  Page<UserAccount> listUsers(PageRequest page);

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
}
