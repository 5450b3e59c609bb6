package dev.keygate.application.port.out;

import dev.keygate.domain.token.SecretLookup;
import java.time.Duration;
import java.util.Optional;

/**
 * Failed verifications counted per secret lookup and per client network: past a limit that pair is
 * locked out for a while, so that whoever knows a lookup cannot make Keygate hash guess after guess
 * from one place, and cannot lock out the holder of the secret, who calls from another.
 */
public interface FailedAttempts {

  /**
   * How long {@code lookup} stays locked out for {@code client}; empty when it may be tried now.
   *
   * @param client the network the attempt comes from, such as {@code 203.0.113.7} or {@code
   *     2001:db8:0:1::/64}
   */
  Optional<Duration> lockedOutFor(SecretLookup lookup, String client);

  /** Counts one failed verification of {@code lookup}, known or not, from {@code client}. */
  void failed(SecretLookup lookup, String client);
}
