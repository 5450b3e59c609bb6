package dev.keygate.application.port.out;

import dev.keygate.domain.key.ApiKeyId;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts the verifications of keys by outcome, per hour and per day, and remembers the last valid
 * one. Implementations aggregate in memory and write behind, so the hot path never waits for a
 * database write.
 */
public interface UsageRecorder {

  /** The outcome code of a valid verification. */
  String VERIFIED = "API_KEY_VERIFIED";

  /**
   * Counts one verification of a key whose secret matched.
   *
   * @param outcome the verification's code, such as {@code API_KEY_VERIFIED}; a valid one is also
   *     the key's last verification, from {@code clientIp}
   */
  void record(ApiKeyId keyId, String outcome, Instant verifiedOn, Optional<String> clientIp);
}
