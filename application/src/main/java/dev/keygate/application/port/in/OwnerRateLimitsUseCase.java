package dev.keygate.application.port.in;

import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.RateLimit;
import java.util.List;

/**
 * The rate limits an organization's or user's keys share: every verification of any of its keys
 * counts against each of them. The operator sets them; the owner's own callers may read them.
 */
public interface OwnerRateLimitsUseCase {

  List<RateLimit> get(Principal principal, Owner owner);

  /** Replaces the owner's shared limits with {@code limits}; an empty list removes them. */
  List<RateLimit> set(Principal principal, Owner owner, List<RateLimit> limits);
}
