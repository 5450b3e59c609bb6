package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_GRANTS;
import static dev.keygate.domain.audit.AuditAction.GRANT_SET;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.SetGrantCommand;
import dev.keygate.application.port.in.SetGrantUseCase;
import dev.keygate.application.port.out.GrantRepository;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.util.Optional;

/**
 * Sets what an owner may hold of one API. Management keys are not granted: their scopes come from
 * the key of whoever makes them.
 */
public final class SetGrantService implements SetGrantUseCase {

  private final GrantRepository grants;
  private final OwnerRepository owners;
  private final ApiLookup apiLookup;
  private final Authorization authorization;
  private final Changes changes;
  private final Clock clock;

  SetGrantService(
      GrantRepository grants,
      OwnerRepository owners,
      ApiLookup apiLookup,
      Authorization authorization,
      Changes changes,
      Clock clock) {
    this.grants = grants;
    this.owners = owners;
    this.apiLookup = apiLookup;
    this.authorization = authorization;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public Grant set(Principal principal, SetGrantCommand command) {
    authorization.requireScope(principal, UPDATE_GRANTS, GRANT_SET, command.apiId().value());
    authorization.requireOperator(principal, GRANT_SET, command.apiId().value());
    if (command.owner() instanceof Owner.Environment) {
      // Grants bound what confined callers may issue; only the operator issues environment keys,
      // and the operator is not held to grants, so a grant to the environment would mean nothing.
      throw new ValidationException(
          "the environment is not granted apis: only the operator issues its keys");
    }
    if (!owners.exists(command.owner())) {
      throw Authorization.ownerNotFound(command.owner());
    }
    Api api = apiLookup.api(command.apiId());
    if (api.isManagement()) {
      throw new ValidationException(
          "the management api is not granted: a management key holds what the key that makes it"
              + " holds");
    }
    Grant grant =
        new Grant(
            command.owner(),
            api.id(),
            apiLookup.scopes(api, command.scopes()),
            clock.instant(),
            principal.actor());
    changes.make(
        principal,
        GRANT_SET,
        api.id().value(),
        Optional.of(command.owner()),
        () -> grants.put(grant));
    return grant;
  }
}
