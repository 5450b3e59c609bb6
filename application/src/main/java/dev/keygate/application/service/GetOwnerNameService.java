package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.API_KEY_READ;

import dev.keygate.application.port.in.GetOwnerNameUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserAccount;
import java.util.Optional;

/**
 * Names an owner for a caller who may read its keys: a confined caller learns only its own name,
 * since no other owner lies within its reach.
 */
public final class GetOwnerNameService implements GetOwnerNameUseCase {

  private final OwnerRepository owners;
  private final Authorization authorization;

  GetOwnerNameService(OwnerRepository owners, Authorization authorization) {
    this.owners = owners;
    this.authorization = authorization;
  }

  @Override
  public Optional<String> get(Principal principal, Owner owner) {
    authorization.requireScope(principal, READ_API_KEYS, API_KEY_READ, owner.id());
    authorization.requireReach(principal, owner, API_KEY_READ);
    if (owner instanceof Owner.Org org) {
      return owners.findOrganization(org.code()).map(Organization::name);
    }
    if (owner instanceof Owner.User user) {
      return owners.findUser(user.userId()).map(UserAccount::name);
    }
    return Optional.empty();
  }
}
