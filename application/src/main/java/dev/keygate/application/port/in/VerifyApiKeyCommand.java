package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Check a presented token.
 *
 * @param token the token as presented; never printed
 * @param requiredScopes scope keys the key must all hold
 * @param apiId the API the caller guards, when the key must be one of its keys
 * @param clientIp the address the token came from, recorded as usage
 */
public record VerifyApiKeyCommand(
    String token, Set<String> requiredScopes, Optional<ApiId> apiId, Optional<String> clientIp) {

  public VerifyApiKeyCommand {
    requiredScopes = Set.copyOf(Objects.requireNonNull(requiredScopes, "required scopes"));
    Objects.requireNonNull(apiId, "api id");
    Objects.requireNonNull(clientIp, "client ip");
  }

  /** A token checked for the given scopes on any API, from an unknown address. */
  public static VerifyApiKeyCommand of(String token, String... requiredScopes) {
    return new VerifyApiKeyCommand(
        token, Set.of(requiredScopes), Optional.empty(), Optional.empty());
  }

  /** Leaves the token out. */
  @Override
  public String toString() {
    return "VerifyApiKeyCommand[token=***, requiredScopes="
        + requiredScopes
        + ", apiId="
        + apiId
        + ", clientIp="
        + clientIp
        + "]";
  }
}
