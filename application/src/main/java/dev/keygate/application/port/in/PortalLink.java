package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.token.PlaintextKey;
import java.time.Instant;

/**
 * A portal session as just made: a short-lived management key confined to one owner, with the
 * key-management scopes the portal needs, and its token, shown this once inside the link.
 *
 * @param token prints as {@code ***}; {@link PlaintextKey#reveal()} gives it for the link
 */
public record PortalLink(ApiKey key, PlaintextKey token) {

  /** When the link, and the key it carries, stop working. */
  public Instant expiresOn() {
    return key.expiresOn().orElseThrow();
  }
}
