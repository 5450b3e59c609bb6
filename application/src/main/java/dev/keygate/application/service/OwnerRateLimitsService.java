package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_API_KEYS;
import static dev.keygate.application.port.in.ManagementScope.UPDATE_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.RATE_LIMITS_READ;
import static dev.keygate.domain.audit.AuditAction.RATE_LIMITS_SET;

import dev.keygate.application.port.in.OwnerRateLimitsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.OwnerRepository;
import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.UsagePolicy;
import java.util.List;
import java.util.Optional;

/**
 * The rate limits an owner's keys share. Only the operator sets them, since a confined caller could
 * otherwise lift the limits its operator gave it; the owner's own callers may read them.
 */
public final class OwnerRateLimitsService implements OwnerRateLimitsUseCase {

  private final OwnerRepository owners;
  private final Authorization authorization;
  private final Changes changes;
  private final KeyStates keyStates;

  OwnerRateLimitsService(
      OwnerRepository owners, Authorization authorization, Changes changes, KeyStates keyStates) {
    this.owners = owners;
    this.authorization = authorization;
    this.changes = changes;
    this.keyStates = keyStates;
  }

  @Override
  public List<RateLimit> get(Principal principal, Owner owner) {
    authorization.requireScope(principal, READ_API_KEYS, RATE_LIMITS_READ, owner.id());
    requireOwner(principal, owner, RATE_LIMITS_READ);
    return owners.rateLimits(owner);
  }

  @Override
  public List<RateLimit> set(Principal principal, Owner owner, List<RateLimit> limits) {
    // The scope first: an operator's key without it may not change what the owner's keys allow.
    authorization.requireScope(principal, UPDATE_API_KEYS, RATE_LIMITS_SET, owner.id());
    authorization.requireOperator(principal, RATE_LIMITS_SET, owner.id());
    List<RateLimit> checked = UsagePolicy.checkedLimits(Checks.required("rate limits", limits));
    requireOwner(principal, owner, RATE_LIMITS_SET);
    changes.make(
        principal,
        RATE_LIMITS_SET,
        owner.id(),
        Optional.of(owner),
        () -> owners.setRateLimits(owner, checked));
    // Every key of the owner is read with its limits: this node sees the change at once, in every
    // verification mode; the others through the change feed.
    keyStates.forgetAll();
    return checked;
  }

  private void requireOwner(Principal principal, Owner owner, AuditAction action) {
    if (owner instanceof Owner.Environment) {
      throw new ValidationException(
          "the environment has no shared rate limits; give its keys their own");
    }
    authorization.requireReach(principal, owner, action);
    if (!owners.exists(owner)) {
      throw Authorization.ownerNotFound(owner);
    }
  }
}
