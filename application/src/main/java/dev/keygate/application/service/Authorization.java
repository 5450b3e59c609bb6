package dev.keygate.application.service;

import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiRepository;
import dev.keygate.application.port.out.GrantRepository;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization rules every use case applies: the management scope a call needs, the
 * operator-only calls, the reach of a confined principal, and the one rule of every key change,
 * that authority only shrinks. Objects out of reach answer exactly like objects that do not exist.
 * Every refusal is audited, on the side of whoever was refused.
 */
final class Authorization {

  private final AuditTrail trail;
  private final ApiRepository apis;
  private final GrantRepository grants;

  Authorization(AuditTrail trail, ApiRepository apis, GrantRepository grants) {
    this.trail = trail;
    this.apis = apis;
    this.grants = grants;
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

  /**
   * Refuses (403, naming why) a caller without deployment-wide authority a new key of the
   * environment. Keys of the environment belong to the deployment, so only a caller whose reach is
   * the whole deployment may make one; a confined caller is told so rather than answered 404, since
   * the environment exists for everyone and hiding it would hide nothing. Existing environment keys
   * are out of such a caller's reach like any other owner's, as 404s.
   */
  void requireEnvironmentReach(Principal principal, Owner owner, AuditAction action) {
    if (owner instanceof Owner.Environment && !principal.isOperator()) {
      throw refuse(
          principal,
          action,
          owner.id(),
          "environment keys belong to the whole deployment; only a caller with deployment-wide"
              + " authority may create one");
    }
  }

  /** Refuses an owner out of the principal's reach as if it did not exist (404). */
  void requireReach(Principal principal, Owner owner, AuditAction action) {
    if (!principal.covers(owner)) {
      trail.refused(principal, action, Echo.plain(owner.id()), "owner out of reach");
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
    if (found.isPresent()) {
      trail.refused(principal, action, keyId.value(), "key out of reach");
    }
    throw new NotFoundException("api key " + keyId + " not found");
  }

  /**
   * Authority only shrinks: refuses (403) to make, hand over a new secret of, enable or re-date a
   * key that would reach beyond the caller's own authority.
   *
   * <ul>
   *   <li>A management key may hold only management scopes the caller holds, and may not outlive
   *       the caller's own key.
   *   <li>A key for any other API may hold only what the operator granted its owner, unless the
   *       operator itself acts.
   * </ul>
   *
   * Reach is checked before, as a 404, by whoever found the key or its owner.
   *
   * @param what the change, such as {@code "cannot rotate api key api_key_…"}, opening the reason
   */
  void requireWithin(Principal principal, ApiKey key, AuditAction action, String what) {
    Api api =
        apis.findById(key.apiId())
            .orElseThrow(() -> new NotFoundException("api " + key.apiId() + " not found"));
    requireWithin(
        principal, api, key.owner(), key.scopes(), key.expiresOn(), action, key.id().value(), what);
  }

  /** {@link #requireWithin(Principal, ApiKey, AuditAction, String)} for a key yet to be made. */
  void requireWithin(
      Principal principal,
      Api api,
      Owner owner,
      Set<Scope> scopes,
      Optional<Instant> expiresOn,
      AuditAction action,
      String target,
      String what) {
    Optional<String> beyond =
        api.isManagement()
            ? beyondTheCaller(principal, scopes, expiresOn)
            : beyondTheGrants(principal, api, owner, scopes);
    if (beyond.isPresent()) {
      throw refuse(principal, action, target, what + ": " + beyond.get());
    }
  }

  /** No key changes its own status or expiry: a key cannot revive or prolong itself. */
  void requireNotItself(Principal principal, ApiKey key, AuditAction action) {
    if (principal.isKey(key.id())) {
      throw refuse(
          principal,
          action,
          key.id().value(),
          "a key cannot change its own status or expiry; whoever issued it can");
    }
  }

  /**
   * Refuses a change that loosens {@code key}'s usage policy to anyone but the operator, and to the
   * key itself: a confined caller may only tighten its keys' limits, credits and addresses.
   */
  void requireMayLoosen(Principal principal, ApiKey key, AuditAction action) {
    if (!principal.isOperator()) {
      throw refuse(
          principal,
          action,
          key.id().value(),
          "only the operator may loosen a key's rate limits, credits or allowed addresses;"
              + " they may be tightened");
    }
    if (principal.isKey(key.id())) {
      throw refuse(
          principal,
          action,
          key.id().value(),
          "a key cannot loosen its own rate limits, credits or allowed addresses");
    }
  }

  /** Records that a confined principal reached for an object of another owner. */
  void outOfReach(Principal principal, AuditAction action, String target) {
    trail.refused(principal, action, target, "out of reach");
  }

  static NotFoundException ownerNotFound(Owner owner) {
    return new NotFoundException(describe(owner) + " not found");
  }

  private static Optional<String> beyondTheCaller(
      Principal principal, Set<Scope> scopes, Optional<Instant> expiresOn) {
    for (Scope scope : byKey(scopes)) {
      boolean held = ManagementScope.fromKey(scope.key()).map(principal::holds).orElse(false);
      if (!held) {
        return Optional.of("it holds " + scope.key() + ", which the caller does not hold");
      }
    }
    if (principal.expiresOn().isPresent()) {
      Instant end = principal.expiresOn().get();
      if (expiresOn.isEmpty() || expiresOn.get().isAfter(end)) {
        return Optional.of("it would outlive the caller's own key, which expires at " + end);
      }
    }
    return Optional.empty();
  }

  private Optional<String> beyondTheGrants(
      Principal principal, Api api, Owner owner, Set<Scope> scopes) {
    if (principal.isOperator()) {
      return Optional.empty();
    }
    Optional<Grant> grant = grants.find(owner, api.id());
    if (grant.isEmpty()) {
      return Optional.of("api " + api.id() + " is not granted to " + describe(owner));
    }
    return grant
        .get()
        .firstNotAllowed(byKey(scopes))
        .map(
            scope ->
                "scope "
                    + scope.key()
                    + " of api "
                    + api.id()
                    + " is not granted to "
                    + describe(owner));
  }

  /** Such as {@code organization org_acme}, {@code user kp_alice} or {@code the environment}. */
  static String describe(Owner owner) {
    if (owner instanceof Owner.Org) {
      return "organization " + Echo.plain(owner.id());
    }
    if (owner instanceof Owner.User) {
      return "user " + Echo.plain(owner.id());
    }
    return "the environment";
  }

  /** Scopes in the order of their keys, so that a refusal names the same one every time. */
  private static List<Scope> byKey(Set<Scope> scopes) {
    return scopes.stream().sorted(Comparator.comparing(Scope::key)).toList();
  }

  private ForbiddenException refuse(
      Principal principal, AuditAction action, String target, String reason) {
    trail.refused(principal, action, target, reason);
    return new ForbiddenException(reason);
  }
}
