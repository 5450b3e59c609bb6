package dev.keygate.application.port.out;

import java.time.Duration;

/**
 * Where verifications are counted for monitoring: each answer with the time it took, each look into
 * the verification cache and each hash check paid, so an operator can watch the cache save the
 * expensive hash.
 */
public interface VerificationMetrics {

  /** Counts nothing: for deployments that do not monitor. */
  VerificationMetrics NONE =
      new VerificationMetrics() {
        @Override
        public void verified(String code, Duration elapsed) {}

        @Override
        public void cacheChecked(boolean hit) {}

        @Override
        public void hashChecked() {}
      };

  /**
   * One verification answered, management-key authentications included.
   *
   * @param code the outcome's code, such as {@code API_KEY_VERIFIED}
   * @param elapsed from parsing the token to the answer
   */
  void verified(String code, Duration elapsed);

  /**
   * One look into the verification cache for a parsed token. The core counts it rather than the
   * cache, so whatever remembers proven tokens is watched alike.
   *
   * @param hit whether the token was proven before, so no hash check is needed
   */
  void cacheChecked(boolean hit);

  /** One hash check of a presented secret against a stored hash. */
  void hashChecked();
}
