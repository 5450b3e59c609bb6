package dev.keygate.bootstrap;

import dev.keygate.adapter.memory.Bucket4jCreationQuota;
import dev.keygate.application.service.TenantLimits;

/**
 * What one organization or user can make for itself with its own keys (its admin keys, user keys
 * and portal links): how many live keys it may have, and how many keys a minute it may make. The
 * operator is not held to either.
 *
 * @param keyCreationsPerMinute per node: on several nodes an owner may make that many on each
 */
record TenantOptions(int liveKeysPerOwner, int keyCreationsPerMinute) {

  /** A thousand live keys, sixty new keys a minute. */
  static final TenantOptions DEFAULTS =
      new TenantOptions(
          TenantLimits.DEFAULTS.liveKeysPerOwner(), Bucket4jCreationQuota.DEFAULT_PER_MINUTE);

  TenantOptions {
    if (liveKeysPerOwner < 1) {
      throw new IllegalArgumentException(
          "live keys per owner must be at least 1, was " + liveKeysPerOwner);
    }
    if (keyCreationsPerMinute < 1) {
      throw new IllegalArgumentException(
          "key creations per minute must be at least 1, was " + keyCreationsPerMinute);
    }
  }

  /** What the application needs of these options. */
  TenantLimits limits() {
    return new TenantLimits(liveKeysPerOwner);
  }
}
