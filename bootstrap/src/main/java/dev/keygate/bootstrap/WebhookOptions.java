package dev.keygate.bootstrap;

import dev.keygate.adapter.crypto.GitHubScanningKeys;
import dev.keygate.application.port.out.ScanningSignatures;
import dev.keygate.application.service.WebhookSettings;
import dev.keygate.domain.event.LeakPolicy;
import dev.keygate.domain.event.RetrySchedule;
import java.time.Duration;
import java.util.Objects;

/**
 * How a node answers leaked keys and delivers webhooks.
 *
 * @param poll how often a delivering node looks for due deliveries and expiry notices
 * @param scanning the public keys of the secret scanners the operator trusts
 */
record WebhookOptions(Duration poll, WebhookSettings settings, ScanningSignatures scanning) {

  /** A look a second, {@link WebhookSettings#DEFAULTS}, and no secret scanner trusted. */
  static final WebhookOptions DEFAULTS =
      new WebhookOptions(
          Duration.ofSeconds(1), WebhookSettings.DEFAULTS, GitHubScanningKeys.none());

  WebhookOptions {
    Objects.requireNonNull(poll, "webhook poll");
    Objects.requireNonNull(settings, "webhook settings");
    Objects.requireNonNull(scanning, "scanning signatures");
  }

  /** Parses {@code notify}, {@code disable} or {@code revoke}. */
  static LeakPolicy leakPolicy(String value) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "notify" -> LeakPolicy.NOTIFY;
      case "disable" -> LeakPolicy.DISABLE;
      case "revoke" -> LeakPolicy.REVOKE;
      default -> throw new IllegalArgumentException("must be notify, disable or revoke");
    };
  }

  /** Parses a comma-separated list of waits, such as {@code 5s,5m,30m}; empty for no retry. */
  static RetrySchedule retries(String value) {
    if (value.isBlank() || value.strip().equalsIgnoreCase("none")) {
      return new RetrySchedule(java.util.List.of());
    }
    return new RetrySchedule(
        java.util.Arrays.stream(value.split(",")).map(Configuration::duration).toList());
  }
}
