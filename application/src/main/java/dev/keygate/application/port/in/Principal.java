package dev.keygate.application.port.in;

import dev.keygate.domain.Checks;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting: a name for the audit trail, the reach of their authority, the management scopes
 * they hold, when that authority ends, and the management key it rests on. Every use case takes one
 * and refuses what it may not do.
 *
 * @param actor how the audit trail names the caller, such as {@code cli:alice} or a key id
 * @param expiresOn when the caller's authority ends, as the expiry of the management key it
 *     presented; empty when it does not end
 * @param key the management key the caller presented; empty for the operator's own tools (the local
 *     command line, the embedding facade), which present none
 */
public record Principal(
    String actor,
    Authority authority,
    Set<ManagementScope> scopes,
    Optional<Instant> expiresOn,
    Optional<ApiKeyId> key) {

  public Principal {
    actor = Checks.name("actor", actor, 128);
    Checks.required("authority", authority);
    scopes = Set.copyOf(Checks.required("management scopes", scopes));
    Checks.required("principal expiry", expiresOn);
    Checks.required("principal key", key);
  }

  /** A principal whose authority does not end and rests on no key. */
  public Principal(String actor, Authority authority, Set<ManagementScope> scopes) {
    this(actor, authority, scopes, Optional.empty(), Optional.empty());
  }

  /**
   * The same principal held within {@code maker}'s authority, as a key made by another key is: only
   * the scopes both hold, and no longer than either lasts. The reach stays this principal's, which
   * its maker covered when it made the key.
   */
  public Principal within(Principal maker) {
    Set<ManagementScope> both = EnumSet.noneOf(ManagementScope.class);
    both.addAll(scopes);
    both.retainAll(maker.scopes);
    Optional<Instant> end = expiresOn;
    if (maker.expiresOn.isPresent()
        && (end.isEmpty() || maker.expiresOn.get().isBefore(end.get()))) {
      end = maker.expiresOn;
    }
    return new Principal(actor, authority, both, end, key);
  }

  /** The operator: the whole deployment with every management scope. */
  public static Principal operator(String actor) {
    return new Principal(actor, new Authority.Deployment(), EnumSet.allOf(ManagementScope.class));
  }

  /** An organization admin or a user, confined to the keys of {@code owner}. */
  public static Principal confinedTo(String actor, Owner owner, Set<ManagementScope> scopes) {
    return new Principal(actor, new Authority.OwnerOnly(owner), scopes);
  }

  /** Whether this principal acts for the whole deployment. */
  public boolean isOperator() {
    return authority instanceof Authority.Deployment;
  }

  /** The owner this principal is confined to; empty for the operator. */
  public Optional<Owner> confinement() {
    return authority instanceof Authority.OwnerOnly only
        ? Optional.of(only.owner())
        : Optional.empty();
  }

  /** Whether objects of {@code owner} are within this principal's reach. */
  public boolean covers(Owner owner) {
    return authority.covers(owner);
  }

  /** Whether this principal holds {@code scope}. */
  public boolean holds(ManagementScope scope) {
    return scopes.contains(scope);
  }

  /** Whether this principal presented the key {@code keyId}, and so is acting on itself. */
  public boolean isKey(ApiKeyId keyId) {
    return key.isPresent() && key.get().equals(keyId);
  }
}
