package dev.keygate.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How verification trades freshness and hashing capacity.
 *
 * @param mode how a remembered key is known to be current; see {@link VerifyMode}
 * @param followBound in {@link VerifyMode#FOLLOW}, how long ago this node may last have confirmed
 *     the change feed for its remembered keys to be used as they are; beyond it, it verifies
 *     strictly
 * @param hashingSlots how many hashes may run at once; more wait for a slot
 * @param hashingWait how long a hash waits for a slot before the call is refused as too many
 */
public record VerificationSettings(
    VerifyMode mode, Duration followBound, int hashingSlots, Duration hashingWait) {

  /** How far behind the change feed a following node may be: a quarter of a second. */
  public static final Duration DEFAULT_FOLLOW_BOUND = Duration.ofMillis(250);

  /** Following the feed, as many hashing slots as processors and half a second's wait for one. */
  public static final VerificationSettings DEFAULTS =
      new VerificationSettings(
          VerifyMode.FOLLOW,
          DEFAULT_FOLLOW_BOUND,
          Runtime.getRuntime().availableProcessors(),
          Duration.ofMillis(500));

  public VerificationSettings {
    Objects.requireNonNull(mode, "verify mode");
    Objects.requireNonNull(followBound, "follow bound");
    if (followBound.isNegative() || followBound.isZero()) {
      throw new IllegalArgumentException("follow bound must be positive, was " + followBound);
    }
    if (hashingSlots < 1) {
      throw new IllegalArgumentException("hashing slots must be at least 1, was " + hashingSlots);
    }
    Objects.requireNonNull(hashingWait, "hashing wait");
    if (hashingWait.isNegative()) {
      throw new IllegalArgumentException("hashing wait must not be negative, was " + hashingWait);
    }
  }

  /** These settings in {@code mode}. */
  public VerificationSettings inMode(VerifyMode mode) {
    return new VerificationSettings(mode, followBound, hashingSlots, hashingWait);
  }
}
