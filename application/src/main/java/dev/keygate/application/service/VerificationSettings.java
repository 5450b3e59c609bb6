package dev.keygate.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How verification trades freshness and hashing capacity.
 *
 * @param trustKeyStateCache whether a key remembered by the key state cache is used as it is (the
 *     state cache is on: a change made on another node is seen once the cached state expires), or
 *     only after its stored version confirmed it (strict, the default: a change on any node is seen
 *     by the next verification)
 * @param hashingSlots how many hashes may run at once; more wait for a slot
 * @param hashingWait how long a hash waits for a slot before the call is refused as too many
 */
public record VerificationSettings(
    boolean trustKeyStateCache, int hashingSlots, Duration hashingWait) {

  /** Strict, with as many hashing slots as processors and half a second's wait for one. */
  public static final VerificationSettings DEFAULTS =
      new VerificationSettings(
          false, Runtime.getRuntime().availableProcessors(), Duration.ofMillis(500));

  public VerificationSettings {
    if (hashingSlots < 1) {
      throw new IllegalArgumentException("hashing slots must be at least 1, was " + hashingSlots);
    }
    Objects.requireNonNull(hashingWait, "hashing wait");
    if (hashingWait.isNegative()) {
      throw new IllegalArgumentException("hashing wait must not be negative, was " + hashingWait);
    }
  }
}
