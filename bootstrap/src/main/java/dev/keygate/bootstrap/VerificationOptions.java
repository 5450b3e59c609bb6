package dev.keygate.bootstrap;

import dev.keygate.adapter.memory.Bucket4jFailedAttempts;
import dev.keygate.application.service.VerificationSettings;
import dev.keygate.application.service.VerifyMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a node verifies: how it knows a remembered key is current (following the change feed, a read
 * per verification, or a time to live), how many Argon2 hashes may run at once and how long one
 * waits for a slot, and how many failures one lookup may have a minute.
 *
 * @param stateCacheTtl in {@link VerifyMode#TTL}, how long a key's state is trusted without reading
 *     the database; empty in every other mode
 * @param followBound in {@link VerifyMode#FOLLOW}, how long ago the node may last have confirmed
 *     the change feed and still use what it remembers
 * @param followPoll in {@link VerifyMode#FOLLOW}, how often the node reads the feed when nothing
 *     wakes it; shorter than the bound, so that a node that reads it keeps within the bound
 */
record VerificationOptions(
    VerifyMode mode,
    Optional<Duration> stateCacheTtl,
    Duration followBound,
    Duration followPoll,
    int hashingSlots,
    Duration hashingWait,
    int failedAttemptsPerMinute) {

  /** How often a following node reads the feed unwoken: ten times a second. */
  static final Duration DEFAULT_FOLLOW_POLL = Duration.ofMillis(100);

  /**
   * Following the feed; a hashing slot per processor, half a second's wait; ten failures a minute.
   */
  static final VerificationOptions DEFAULTS =
      new VerificationOptions(
          VerifyMode.FOLLOW,
          Optional.empty(),
          VerificationSettings.DEFAULT_FOLLOW_BOUND,
          DEFAULT_FOLLOW_POLL,
          VerificationSettings.DEFAULTS.hashingSlots(),
          VerificationSettings.DEFAULTS.hashingWait(),
          Bucket4jFailedAttempts.DEFAULT_LIMIT);

  VerificationOptions {
    Objects.requireNonNull(mode, "verify mode");
    Objects.requireNonNull(stateCacheTtl, "state cache ttl");
    Objects.requireNonNull(followBound, "follow bound");
    Objects.requireNonNull(followPoll, "follow poll");
    Objects.requireNonNull(hashingWait, "hashing wait");
    if (mode == VerifyMode.TTL && stateCacheTtl.isEmpty()) {
      throw new IllegalArgumentException("verify mode ttl needs a state cache ttl");
    }
    if (mode != VerifyMode.TTL && stateCacheTtl.isPresent()) {
      throw new IllegalArgumentException(
          "a state cache ttl applies to verify mode ttl only, not to "
              + mode.name().toLowerCase(Locale.ROOT));
    }
    stateCacheTtl.ifPresent(ttl -> requirePositive(ttl, "state cache ttl"));
    requirePositive(followBound, "follow bound");
    requirePositive(followPoll, "follow poll");
    if (followPoll.compareTo(followBound) >= 0) {
      throw new IllegalArgumentException(
          "follow poll ("
              + followPoll.toMillis()
              + " ms) must be shorter than the follow bound ("
              + followBound.toMillis()
              + " ms), or a node that reads the feed falls behind its bound between two reads");
    }
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

  private static void requirePositive(Duration duration, String what) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + duration);
    }
  }

  /**
   * In follow mode, how long a remembered key is kept at most all the same: a safety net, should a
   * change ever reach the database without passing through the feed (a hand-made SQL update, a node
   * of an older version during an upgrade). A warm key is read again once a minute.
   */
  static final Duration FOLLOW_SAFETY_TTL = Duration.ofMinutes(1);

  /**
   * How long the key state cache keeps a key: the TTL in ttl mode, the safety net when following,
   * and until it is evicted when strict (each use is checked against the stored version anyway).
   */
  Optional<Duration> keyStateTtl() {
    return switch (mode) {
      case TTL -> stateCacheTtl;
      case FOLLOW -> Optional.of(FOLLOW_SAFETY_TTL);
      case STRICT -> Optional.empty();
    };
  }

  /** What the application's verification needs of these options. */
  VerificationSettings settings() {
    return new VerificationSettings(mode, followBound, hashingSlots, hashingWait);
  }

  /** Trusting a remembered key's state for {@code ttl}. */
  VerificationOptions withStateCacheTtl(Duration ttl) {
    return new VerificationOptions(
        VerifyMode.TTL,
        Optional.of(ttl),
        followBound,
        followPoll,
        hashingSlots,
        hashingWait,
        failedAttemptsPerMinute);
  }

  /** Reading the key's version on every verification. */
  VerificationOptions strict() {
    return new VerificationOptions(
        VerifyMode.STRICT,
        Optional.empty(),
        followBound,
        followPoll,
        hashingSlots,
        hashingWait,
        failedAttemptsPerMinute);
  }

  /** Following the change feed, reading it every {@code poll}, current within {@code bound}. */
  VerificationOptions following(Duration bound, Duration poll) {
    return new VerificationOptions(
        VerifyMode.FOLLOW,
        Optional.empty(),
        bound,
        poll,
        hashingSlots,
        hashingWait,
        failedAttemptsPerMinute);
  }

  VerificationOptions withHashing(int slots, Duration wait) {
    return new VerificationOptions(
        mode, stateCacheTtl, followBound, followPoll, slots, wait, failedAttemptsPerMinute);
  }

  VerificationOptions withFailedAttemptsPerMinute(int limit) {
    return new VerificationOptions(
        mode, stateCacheTtl, followBound, followPoll, hashingSlots, hashingWait, limit);
  }
}
