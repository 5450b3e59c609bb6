package dev.keygate.adapter.cli;

import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The JSON documents of grants, with the REST API's field names and codes. */
final class GrantJson {

  private GrantJson() {}

  /** One API an owner may hold keys of, and the scopes those keys may carry. */
  record GrantView(
      String apiId, List<ApiJson.ScopeView> scopes, Instant grantedOn, String grantedBy) {}

  /** {@code grants list}. */
  record GrantsListed(String code, String message, List<GrantView> grants) {}

  /** {@code grants set}. */
  record GrantSet(String code, String message, GrantView grant) {}

  static GrantsListed listed(List<Grant> grants) {
    return new GrantsListed("OK", "Success", grants.stream().map(GrantJson::view).toList());
  }

  static GrantSet set(Grant grant) {
    return new GrantSet("OK", "Grant set", view(grant));
  }

  /** The granted scopes in the order of their keys. */
  static List<Scope> scopes(Grant grant) {
    return grant.scopes().stream().sorted(Comparator.comparing(Scope::key)).toList();
  }

  private static GrantView view(Grant grant) {
    return new GrantView(
        grant.apiId().value(),
        scopes(grant).stream()
            .map(
                scope ->
                    new ApiJson.ScopeView(scope.id().value(), scope.key(), scope.description()))
            .toList(),
        grant.grantedOn(),
        grant.grantedBy());
  }
}
