package dev.keygate.application.service;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.event.LeakPolicy;
import dev.keygate.domain.event.RetrySchedule;
import java.time.Duration;

/**
 * How the deployment answers leaks and delivers its webhooks.
 *
 * @param leakPolicy what a secret scanner's report of a live token does to its key
 * @param retries how long a failed delivery waits before each next attempt
 * @param sendTimeout how long one attempt may take; a claimed delivery is leased for this and 5 s
 * @param expiringNotice how long before a key's expiry {@code api_key.expiring} is sent
 * @param retention how long delivered and failed deliveries stay in the log
 */
public record WebhookSettings(
    LeakPolicy leakPolicy,
    RetrySchedule retries,
    Duration sendTimeout,
    Duration expiringNotice,
    Duration retention) {

  /** Revoke leaked keys; Standard Webhooks' retries; 10 s per attempt; 7 days' notice; 30 days. */
  public static final WebhookSettings DEFAULTS =
      new WebhookSettings(
          LeakPolicy.REVOKE,
          RetrySchedule.STANDARD,
          Duration.ofSeconds(10),
          Duration.ofDays(7),
          Duration.ofDays(30));

  public WebhookSettings {
    Checks.required("leak policy", leakPolicy);
    Checks.required("retry schedule", retries);
    requirePositive("webhook send timeout", sendTimeout);
    requirePositive("expiring notice", expiringNotice);
    requirePositive("delivery retention", retention);
    if (expiringNotice.compareTo(retention) >= 0) {
      // An expiry notice is sent once by the record of it, which is kept as long as deliveries.
      throw new ValidationException(
          "expiring notice must be shorter than the delivery retention ("
              + retention.toDays()
              + " days), was "
              + expiringNotice);
    }
  }

  /** These settings with {@code policy} for leaks. */
  public WebhookSettings withLeakPolicy(LeakPolicy policy) {
    return new WebhookSettings(policy, retries, sendTimeout, expiringNotice, retention);
  }

  /** How long a claimed delivery is kept from other claims: an attempt's timeout and 5 s. */
  Duration lease() {
    return sendTimeout.plusSeconds(5);
  }

  private static void requirePositive(String what, Duration duration) {
    Checks.required(what, duration);
    if (duration.isNegative() || duration.isZero()) {
      throw new ValidationException(what + " must be positive, was " + duration);
    }
  }
}
