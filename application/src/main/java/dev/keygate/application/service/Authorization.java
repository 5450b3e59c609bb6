package dev.keygate.application.service;

import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;
import java.util.Collection;
import java.util.Optional;

/**
 * The authorization rules every use case applies: the management scope a call needs, the
 * operator-only calls, and the reach of a confined principal. Objects out of reach answer exactly
 * like objects that do not exist. Every refusal is audited.
 */
final class Authorization {

  private final AuditTrail trail;

  Authorization(AuditTrail trail) {
    this.trail = trail;
  }

  /** Refuses a principal without {@code scope} (403). */
  void requireScope(Principal principal, ManagementScope scope, AuditAction action, String target) {
    if (!principal.holds(scope)) {
      throw refuse(principal, action, target, "missing scope " + scope.key());
    }
  }

  /** Refuses a principal holding neither scope (403). */
  void requireEitherScope(
      Principal principal,
      ManagementScope one,
      ManagementScope other,
      AuditAction action,
      String target) {
    if (!principal.holds(one) && !principal.holds(other)) {
      throw refuse(principal, action, target, "missing scope " + one.key() + " or " + other.key());
    }
  }

  /** Refuses anyone but the operator (403), for calls that shape the whole deployment. */
  void requireOperator(Principal principal, AuditAction action, String target) {
    if (!principal.isOperator()) {
      throw refuse(principal, action, target, "only the operator may do this");
    }
  }

  /** Refuses an owner out of the principal's reach as if it did not exist (404). */
  void requireReach(Principal principal, Owner owner, AuditAction action) {
    if (!principal.covers(owner)) {
      Optional<Owner> named = Echo.isSafe(owner.id()) ? Optional.of(owner) : Optional.empty();
      trail.refused(principal, action, Echo.plain(owner.id()), named, "owner out of reach");
      throw ownerNotFound(owner);
    }
  }

  /**
   * The key, when it exists and lies within reach; otherwise a 404 that reads the same for both.
   */
  ApiKey reachableKey(
      Principal principal, Optional<ApiKey> found, ApiKeyId keyId, AuditAction action) {
    if (found.isPresent() && principal.covers(found.get().owner())) {
      return found.get();
    }
    found.ifPresent(
        key ->
            trail.refused(
                principal, action, keyId.value(), Optional.of(key.owner()), "key out of reach"));
    throw new NotFoundException("api key " + keyId + " not found");
  }

  /**
   * Refuses to hand out a management scope the principal does not hold itself (403): a management
   * key can't grant more than its creator holds.
   */
  void requireGrantable(
      Principal principal, Owner owner, Collection<String> scopeKeys, AuditAction action) {
    for (String key : scopeKeys) {
      boolean held = ManagementScope.fromKey(key).map(principal::holds).orElse(false);
      if (!held) {
        String reason = "cannot grant " + key + ": the caller does not hold it";
        trail.refused(principal, action, owner.id(), Optional.of(owner), reason);
        throw new ForbiddenException(reason);
      }
    }
  }

  /** Records that a confined principal reached for an object of another owner. */
  void outOfReach(Principal principal, AuditAction action, String target, Owner owner) {
    trail.refused(principal, action, target, Optional.of(owner), "out of reach");
  }

  static NotFoundException ownerNotFound(Owner owner) {
    return new NotFoundException(
        (owner instanceof Owner.Org ? "organization " : "user ")
            + Echo.plain(owner.id())
            + " not found");
  }

  private ForbiddenException refuse(
      Principal principal, AuditAction action, String target, String reason) {
    trail.refused(principal, action, target, Optional.empty(), reason);
    return new ForbiddenException(reason);
  }
}
