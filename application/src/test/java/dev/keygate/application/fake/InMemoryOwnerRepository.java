package dev.keygate.application.fake;

import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.application.port.query.UserFilter;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.domain.policy.RateLimit;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** {@link OwnerRepository} in sorted maps. */
public final class InMemoryOwnerRepository implements OwnerRepository {

  private final TreeMap<String, Organization> organizations = new TreeMap<>();
  private final TreeMap<String, UserAccount> users = new TreeMap<>();
  private final Optional<InMemoryApiKeyRepository> apiKeys;

  /** Owners whose shared rate limits cannot be set. */
  public InMemoryOwnerRepository() {
    this.apiKeys = Optional.empty();
  }

  /** Owners whose shared rate limits are kept with their keys in {@code apiKeys}. */
  public InMemoryOwnerRepository(InMemoryApiKeyRepository apiKeys) {
    this.apiKeys = Optional.of(apiKeys);
  }

  @Override
  public List<RateLimit> rateLimits(Owner owner) {
    return apiKeys.map(keys -> keys.ownerLimits(owner)).orElse(List.of());
  }

  @Override
  public void setRateLimits(Owner owner, List<RateLimit> limits) {
    apiKeys
        .orElseThrow(() -> new UnsupportedOperationException("no key repository to share with"))
        .setOwnerLimits(owner, limits);
  }

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
  public synchronized Page<Organization> listOrganizations(ListOrder order, PageRequest page) {
    return order.page(organizations.values(), Organization::name, o -> o.code().value(), page);
  }

  @Override
  public synchronized void updateOrganization(Organization organization) {
    String code = organization.code().value();
    if (organizations.containsKey(code)) {
      InMemoryUnitOfWork.willChange(this, organizations, code);
      organizations.put(code, organization);
    }
  }

  @Override
  public synchronized boolean deleteOrganization(OrgCode code) {
    InMemoryUnitOfWork.willChange(this, organizations, code.value());
    return organizations.remove(code.value()) != null;
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
  public synchronized Page<UserAccount> listUsers(UserFilter filter, PageRequest page) {
    return Page.of(
        users.values().stream().filter(filter::admits).toList(), u -> u.id().value(), page);
  }

  @Override
  public synchronized void updateUser(UserAccount user) {
    if (users.containsKey(user.id().value())) {
      InMemoryUnitOfWork.willChange(this, users, user.id().value());
      users.put(user.id().value(), user);
    }
  }

  @Override
  public synchronized boolean deleteUser(UserId id) {
    InMemoryUnitOfWork.willChange(this, users, id.value());
    return users.remove(id.value()) != null;
  }
}
