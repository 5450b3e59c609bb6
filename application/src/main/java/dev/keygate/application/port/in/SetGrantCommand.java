package dev.keygate.application.port.in;

import dev.keygate.domain.Checks;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.owner.Owner;
import java.util.List;

/**
 * Let {@code owner} hold {@code scopes} of {@code apiId}, and nothing else of it.
 *
 * @param scopes scope ids or scope keys (such as {@code read:users}) of that API; empty to grant
 *     the API with no scope
 */
public record SetGrantCommand(Owner owner, ApiId apiId, List<String> scopes) {

  public SetGrantCommand {
    Checks.required("grant owner", owner);
    Checks.required("api id", apiId);
    scopes = List.copyOf(Checks.required("scopes", scopes));
  }
}
