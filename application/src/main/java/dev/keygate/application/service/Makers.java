package dev.keygate.application.service;

import dev.keygate.application.port.in.Authority;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Organization;
import dev.keygate.domain.owner.Owner;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What makes authority made by a management key die with it: a key or an application made by a
 * management key holds no more than its maker does now, along the whole chain of makers, and
 * nothing once one of them is gone, revoked, disabled or expired.
 */
final class Makers {

  static final Owner OPERATOR = new Owner.Org(Organization.OPERATOR_CODE);

  /** Far deeper than any real chain of keys made by keys; a longer one is refused, not followed. */
  private static final int MAX_MAKERS = 32;

  private final KeyStates keyStates;
  private final Clock clock;

  Makers(KeyStates keyStates, Clock clock) {
    this.keyStates = keyStates;
    this.clock = clock;
  }

  /**
   * {@code principal}, acting for {@code owner}, narrowed by each maker up the chain from {@code
   * maker}; empty when one of them no longer acts.
   */
  Optional<Principal> within(
      Optional<ApiKeyId> maker, Owner owner, Principal principal, ApiId management) {
    Instant now = clock.instant();
    for (int depth = 0; maker.isPresent(); depth++) {
      if (depth == MAX_MAKERS) {
        return Optional.empty();
      }
      Optional<ApiKey> makerKey = keyStates.current(maker.get());
      if (makerKey.isEmpty()
          || !makerKey.get().isActiveAt(now)
          || !makerKey.get().apiId().equals(management)) {
        return Optional.empty();
      }
      Principal makers = principalOf(makerKey.get());
      if (!makers.covers(owner)) {
        return Optional.empty();
      }
      principal = principal.within(makers);
      maker = makerKey.get().madeBy();
    }
    return Optional.of(principal);
  }

  /** What a management key alone allows: its owner's reach, its scopes, until its expiry. */
  static Principal principalOf(ApiKey key) {
    return new Principal(
        "api_key:" + key.id(),
        authorityOf(key.owner()),
        managementScopes(key.scopes()),
        key.expiresOn(),
        Optional.of(key.id()));
  }

  /** The operator organization's reach is the deployment; any other owner's, its own objects. */
  static Authority authorityOf(Owner owner) {
    return owner.equals(OPERATOR) ? new Authority.Deployment() : new Authority.OwnerOnly(owner);
  }

  static Set<ManagementScope> managementScopes(Set<Scope> scopes) {
    Set<ManagementScope> found = EnumSet.noneOf(ManagementScope.class);
    for (Scope scope : scopes) {
      ManagementScope.fromKey(scope.key()).ifPresent(found::add);
    }
    return found;
  }
}
