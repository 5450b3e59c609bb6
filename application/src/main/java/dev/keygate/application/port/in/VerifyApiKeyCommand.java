package dev.keygate.application.port.in;

import dev.keygate.domain.ValidationException;
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
 * @param clientIp the address the token came from: checked against the key's allowed addresses, and
 *     recorded as usage
 * @param cost the credits a valid verification spends of a metered key, 0 or more
 */
public record VerifyApiKeyCommand(
    String token,
    Set<String> requiredScopes,
    Optional<ApiId> apiId,
    Optional<String> clientIp,
    long cost) {

  /** The most credits one verification may spend. */
  public static final long MAX_COST = 1_000_000_000L;

  public VerifyApiKeyCommand {
    requiredScopes = Set.copyOf(Objects.requireNonNull(requiredScopes, "required scopes"));
    Objects.requireNonNull(apiId, "api id");
    Objects.requireNonNull(clientIp, "client ip");
    if (cost < 0 || cost > MAX_COST) {
      throw new ValidationException("cost must be 0-" + MAX_COST + ", was " + cost);
    }
  }

  /** A verification spending one credit of a metered key. */
  public VerifyApiKeyCommand(
      String token, Set<String> requiredScopes, Optional<ApiId> apiId, Optional<String> clientIp) {
    this(token, requiredScopes, apiId, clientIp, 1);
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
        + ", cost="
        + cost
        + "]";
  }
}
