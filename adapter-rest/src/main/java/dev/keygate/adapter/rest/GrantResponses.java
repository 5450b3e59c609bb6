package dev.keygate.adapter.rest;

import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The JSON shapes of what an owner may hold: Keygate's extension, not Kinde's. */
final class GrantResponses {

  private GrantResponses() {}

  /** One API an owner may hold keys of, and the scopes those keys may carry. */
  record GrantView(
      String apiId, List<ApiResponses.ScopeView> scopes, Instant grantedOn, String grantedBy) {}

  /** 200 on listing an owner's grants. */
  record GrantsListed(String code, String message, List<GrantView> grants) {}

  /** 200 on setting a grant. */
  record GrantSet(String code, String message, GrantView grant) {}

  static GrantView view(Grant grant) {
    List<Scope> scopes = grant.scopes().stream().sorted(Comparator.comparing(Scope::key)).toList();
    return new GrantView(
        grant.apiId().value(), ApiResponses.scopes(scopes), grant.grantedOn(), grant.grantedBy());
  }
}
