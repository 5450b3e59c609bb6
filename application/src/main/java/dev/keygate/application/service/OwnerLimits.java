package dev.keygate.application.service;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.CreationQuota;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.owner.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bounds what a tenant can make for itself: live keys per owner, and keys per minute, checked for
 * callers confined to the owner. The operator is trusted with its own deployment, and so with the
 * environment's keys, which only a caller with deployment-wide authority makes: the environment is
 * no tenant and has no limits.
 */
final class OwnerLimits {

  private final ApiKeyRepository apiKeys;
  private final CreationQuota quota;
  private final TenantLimits limits;

  OwnerLimits(ApiKeyRepository apiKeys, CreationQuota quota, TenantLimits limits) {
    this.apiKeys = apiKeys;
    this.quota = quota;
    this.limits = limits;
  }

  /**
   * Refuses a confined caller's new key for {@code owner} when the owner has as many live keys as
   * it may (409), or made keys too fast (429).
   */
  void requireRoomFor(Principal principal, Owner owner, Instant now) {
    if (principal.isOperator()) {
      return;
    }
    long live = apiKeys.countLive(owner, now);
    if (live >= limits.liveKeysPerOwner()) {
      throw new ConflictException(
          Authorization.describe(owner)
              + " already has "
              + live
              + " live keys, the most one owner may have; revoke keys it no longer needs first");
    }
    Optional<Duration> wait = quota.take(owner);
    if (wait.isPresent()) {
      throw new LimitReachedException(
          "too many keys made for "
              + Authorization.describe(owner)
              + " in the last minute; retry in "
              + Math.max(1, wait.get().toSeconds())
              + " s",
          wait.get());
    }
  }
}
