package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.UsagePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Issue a key for {@code owner} on {@code apiId}.
 *
 * @param scopes scope ids or scope keys (such as {@code read:users}) of that API
 * @param policy its rate limits, credits and allowed addresses
 */
public record CreateApiKeyCommand(
    String name,
    ApiId apiId,
    List<String> scopes,
    Owner owner,
    Optional<Instant> expiresOn,
    UsagePolicy policy) {

  public CreateApiKeyCommand {
    Objects.requireNonNull(policy, "usage policy");
  }

  /** A key used under no policy. */
  public CreateApiKeyCommand(
      String name, ApiId apiId, List<String> scopes, Owner owner, Optional<Instant> expiresOn) {
    this(name, apiId, scopes, owner, expiresOn, UsagePolicy.NONE);
  }
}
