package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKey;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a verification, with the key when the token's secret matched it.
 *
 * @param key present exactly when the secret matched, whatever the outcome
 */
public record Verification(VerifyOutcome outcome, Optional<ApiKey> key) {

  public Verification {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(key, "key");
  }

  /** The one answer for every token that does not open a key. */
  public static Verification invalid() {
    return new Verification(VerifyOutcome.API_KEY_INVALID, Optional.empty());
  }

  public boolean isValid() {
    return outcome.isValid();
  }
}
