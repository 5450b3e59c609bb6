package dev.keygate.bootstrap;

import dev.keygate.adapter.memory.Bucket4jFailedAttempts;
import dev.keygate.application.service.VerificationSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node verifies: whether it trusts remembered key state (and for how long), how many Argon2
 * hashes may run at once and how long one waits for a slot, and how many failures one lookup may
 * have a minute.
 *
 * @param stateCacheTtl how long a key's state is trusted without reading the database; empty is
 *     strict, where every verification reads the key's version
 */
record VerificationOptions(
    Optional<Duration> stateCacheTtl,
    int hashingSlots,
    Duration hashingWait,
    int failedAttemptsPerMinute) {

  /** Strict; a hashing slot per processor, half a second's wait; ten failures a minute. */
  static final VerificationOptions DEFAULTS =
      new VerificationOptions(
          Optional.empty(),
          VerificationSettings.DEFAULTS.hashingSlots(),
          VerificationSettings.DEFAULTS.hashingWait(),
          Bucket4jFailedAttempts.DEFAULT_LIMIT);

  VerificationOptions {
    Objects.requireNonNull(stateCacheTtl, "state cache ttl");
    Objects.requireNonNull(hashingWait, "hashing wait");
    stateCacheTtl.ifPresent(
        ttl -> {
          if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("state cache ttl must be positive, was " + ttl);
          }
        });
    if (hashingSlots < 1) {
      throw new IllegalArgumentException("hashing slots must be at least 1, was " + hashingSlots);
    }
    if (hashingWait.isNegative()) {
      throw new IllegalArgumentException("hashing wait must not be negative, was " + hashingWait);
    }
    if (failedAttemptsPerMinute < 1) {
      throw new IllegalArgumentException(
          "failed attempts per minute must be at least 1, was " + failedAttemptsPerMinute);
    }
  }

  /** What the application's verification needs of these options. */
  VerificationSettings settings() {
    return new VerificationSettings(stateCacheTtl.isPresent(), hashingSlots, hashingWait);
  }

  VerificationOptions withStateCacheTtl(Optional<Duration> ttl) {
    return new VerificationOptions(ttl, hashingSlots, hashingWait, failedAttemptsPerMinute);
  }

  VerificationOptions withHashing(int slots, Duration wait) {
    return new VerificationOptions(stateCacheTtl, slots, wait, failedAttemptsPerMinute);
  }

  VerificationOptions withFailedAttemptsPerMinute(int limit) {
    return new VerificationOptions(stateCacheTtl, hashingSlots, hashingWait, limit);
  }
}
