package dev.keygate.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the access tokens of M2M applications live. A retired signing key stays published for as
 * long, so that no token it signed is cut short.
 */
public record AccessTokenSettings(Duration lifetime) {

  /** The longest lifetime a token may be given. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(1);

  /** One hour. */
  public static final AccessTokenSettings DEFAULTS = new AccessTokenSettings(Duration.ofHours(1));

  public AccessTokenSettings {
    Objects.requireNonNull(lifetime, "access token lifetime");
    if (lifetime.toSeconds() < 1 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "access token lifetime must be between 1s and 1d, was " + lifetime);
    }
  }
}
