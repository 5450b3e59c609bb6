package dev.keygate.application.port.in;

import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.owner.Owner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issue a key for {@code owner} on {@code apiId}.
 *
 * @param scopes scope ids or scope keys (such as {@code read:users}) of that API
 */
public record CreateApiKeyCommand(
    String name, ApiId apiId, List<String> scopes, Owner owner, Optional<Instant> expiresOn) {}
