package dev.keygate.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * A client-credentials token request, its grant type already checked.
 *
 * @param clientSecret prints as {@code ***}
 * @param scope the scopes asked for, space-separated; empty for all that are granted
 * @param issuer the public base URL: the token's {@code iss}, and with {@code /api} the management
 *     API's audience
 * @param clientIp where the request came from, for the failed-attempt limit
 */
public record IssueAccessTokenCommand(
    String clientId,
    Secret clientSecret,
    String audience,
    Optional<String> scope,
    String issuer,
    Optional<String> clientIp) {

  public IssueAccessTokenCommand {
    Objects.requireNonNull(clientId, "client id");
    Objects.requireNonNull(clientSecret, "client secret");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(clientIp, "client ip");
  }
}
