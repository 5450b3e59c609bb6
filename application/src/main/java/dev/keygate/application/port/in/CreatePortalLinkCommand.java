package dev.keygate.application.port.in;

import dev.keygate.domain.owner.Owner;
import java.time.Duration;

/**
 * Open the portal for {@code owner}.
 *
 * @param ttl how long the link works, from now
 */
public record CreatePortalLinkCommand(Owner owner, Duration ttl) {}
