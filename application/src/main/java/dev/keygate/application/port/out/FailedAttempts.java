package dev.keygate.application.port.out;

import dev.keygate.domain.token.SecretLookup;
import java.time.Duration;
import java.util.Optional;

/**
 * Failed verifications counted per secret lookup: past a limit the lookup is locked out for a
 * while, so that whoever knows a lookup cannot make Keygate hash guess after guess.
 */
public interface FailedAttempts {

  /** Counts nothing and locks nothing out. */
  FailedAttempts NONE =
      new FailedAttempts() {
        @Override
        public Optional<Duration> lockedOutFor(SecretLookup lookup) {
          return Optional.empty();
        }

        @Override
        public void failed(SecretLookup lookup) {}
      };

  /** How long {@code lookup} stays locked out; empty when it may be tried now. */
  Optional<Duration> lockedOutFor(SecretLookup lookup);

  /** Counts one failed verification of {@code lookup}, known or not. */
  void failed(SecretLookup lookup);
}
