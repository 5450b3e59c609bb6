package dev.keygate.wire;

import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The JSON of what an owner may hold: Keygate's extension, not Kinde's. */
public final class GrantResponses {

  private GrantResponses() {}

  /** One API an owner may hold keys of, and the scopes those keys may carry. */
  public record GrantView(
      String apiId, List<ApiResponses.ScopeView> scopes, Instant grantedOn, String grantedBy) {}

  /** An owner's grants. */
  public record GrantsListed(String code, String message, List<GrantView> grants) {}

  /** A grant set. */
  public record GrantSet(String code, String message, GrantView grant) {}

  public static GrantsListed listed(List<Grant> grants) {
    return new GrantsListed("OK", "Success", grants.stream().map(GrantResponses::view).toList());
  }

  public static GrantSet set(Grant grant) {
    return new GrantSet("OK", "Grant set", view(grant));
  }

  /** The granted scopes in the order of their keys, as the JSON lists them. */
  public static List<Scope> scopes(Grant grant) {
    return grant.scopes().stream().sorted(Comparator.comparing(Scope::key)).toList();
  }

  private static GrantView view(Grant grant) {
    return new GrantView(
        grant.apiId().value(),
        ApiResponses.scopes(scopes(grant)),
        grant.grantedOn(),
        grant.grantedBy());
  }
}
