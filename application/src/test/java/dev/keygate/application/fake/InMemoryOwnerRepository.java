package dev.keygate.application.fake;

import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** {@link OwnerRepository} in sorted maps. */
public final class InMemoryOwnerRepository implements OwnerRepository {

  private final TreeMap<String, Organization> organizations = new TreeMap<>();
  private final TreeMap<String, UserAccount> users = new TreeMap<>();

  @Override
  public synchronized void addOrganization(Organization organization) {
    if (organizations.containsKey(organization.code().value())) {
      throw new ConflictException("organization " + organization.code() + " already exists");
    }
    InMemoryUnitOfWork.willChange(this, organizations, organization.code().value());
    organizations.put(organization.code().value(), organization);
  }

  @Override
  public synchronized Optional<Organization> findOrganization(OrgCode code) {
    return Optional.ofNullable(organizations.get(code.value()));
  }

  @Override
  public synchronized Page<Organization> listOrganizations(PageRequest page) {
    return Page.of(List.copyOf(organizations.values()), o -> o.code().value(), page);
  }

  @Override
  public synchronized void addUser(UserAccount user) {
    if (users.containsKey(user.id().value())) {
      throw new ConflictException("user " + user.id() + " already exists");
    }
    InMemoryUnitOfWork.willChange(this, users, user.id().value());
    users.put(user.id().value(), user);
  }

  @Override
  public synchronized Optional<UserAccount> findUser(UserId id) {
    return Optional.ofNullable(users.get(id.value()));
  }

  @Override
  public synchronized Page<UserAccount> listUsers(PageRequest page) {
    return Page.of(List.copyOf(users.values()), u -> u.id().value(), page);
  }
}
