package dev.keygate.domain.grant;

import dev.keygate.domain.Checks;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the operator lets one owner hold of one API: the scopes its keys may carry. Keys outside an
 * owner's grants are made, rotated, enabled or re-dated by the operator alone.
 *
 * @param grantedBy how the audit trail names whoever set the grant last
 */
public record Grant(
    Owner owner, ApiId apiId, Set<Scope> scopes, Instant grantedOn, String grantedBy) {

  public Grant {
    Checks.required("grant owner", owner);
    Checks.required("grant api id", apiId);
    scopes = Scope.allOf(apiId, "granted scopes", scopes);
    Checks.required("grant time", grantedOn);
    grantedBy = Checks.name("grant author", grantedBy, 128);
  }

  /**
   * The first of {@code wanted}, in its order, that this grant does not allow, if any: a scope of
   * another API, or one of this API that was not granted.
   */
  public Optional<Scope> firstNotAllowed(Collection<Scope> wanted) {
    for (Scope scope : wanted) {
      if (!scopes.contains(scope)) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
