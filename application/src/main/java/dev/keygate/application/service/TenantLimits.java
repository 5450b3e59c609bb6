package dev.keygate.application.service;

/**
 * What one organization or user may hold when keys are made for it by a caller confined to it (its
 * own admin key, a user key, a portal link); the operator is not held to it. How fast such callers
 * may make keys is the {@link dev.keygate.application.port.out.CreationQuota}'s to say.
 *
 * @param liveKeysPerOwner how many live keys (neither revoked nor expired) one owner may have
 */
public record TenantLimits(int liveKeysPerOwner) {

  /** A thousand live keys per owner. */
  public static final TenantLimits DEFAULTS = new TenantLimits(1_000);

  public TenantLimits {
    if (liveKeysPerOwner < 1) {
      throw new IllegalArgumentException(
          "live keys per owner must be at least 1, was " + liveKeysPerOwner);
    }
  }
}
