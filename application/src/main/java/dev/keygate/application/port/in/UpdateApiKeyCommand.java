package dev.keygate.application.port.in;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.RateLimit;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Change a key's name, status (active or inactive), expiry or usage policy; empty fields stay as
 * they are.
 *
 * @param rateLimits the key's rate limits instead of its present ones
 * @param credits the key's credits from now: {@code remaining} is set (or, for a caller confined to
 *     the owner, lowered to), and the refill starts over
 * @param removeCredits whether the key stops being metered
 * @param ipAllowlist the addresses the key may be used from instead of its present ones
 */
public record UpdateApiKeyCommand(
    Optional<String> name,
    Optional<ApiKeyStatus> status,
    Optional<Instant> expiresOn,
    Optional<List<RateLimit>> rateLimits,
    Optional<Credits> credits,
    boolean removeCredits,
    Optional<IpAllowlist> ipAllowlist) {

  public UpdateApiKeyCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(expiresOn, "expires on");
    Objects.requireNonNull(rateLimits, "rate limits");
    Objects.requireNonNull(credits, "credits");
    Objects.requireNonNull(ipAllowlist, "ip allowlist");
    if (removeCredits && credits.isPresent()) {
      throw new ValidationException("give credits, or remove them, not both");
    }
  }

  /** A change of name, status or expiry alone. */
  public UpdateApiKeyCommand(
      Optional<String> name, Optional<ApiKeyStatus> status, Optional<Instant> expiresOn) {
    this(name, status, expiresOn, Optional.empty(), Optional.empty(), false, Optional.empty());
  }

  /** Whether the command changes the key's usage policy. */
  public boolean changesPolicy() {
    return rateLimits.isPresent()
        || credits.isPresent()
        || removeCredits
        || ipAllowlist.isPresent();
  }

  /** Whether the command changes anything at all. */
  public boolean changesAnything() {
    return name.isPresent() || status.isPresent() || expiresOn.isPresent() || changesPolicy();
  }
}
