package dev.keygate.application.port.in;

import java.util.Optional;

/**
 * Turns a management key presented by a caller into the principal it acts as: the operator for keys
 * of the operator organization, an organization admin or a user otherwise.
 */
public interface AuthenticateUseCase {

  /**
   * @param token the bearer token as presented
   * @param clientIp where it came from, recorded as the key's usage
   * @return empty unless the token is a live key of the management API
   */
  Optional<Principal> authenticate(String token, Optional<String> clientIp);

  /**
   * Refuses at once, before its caller is authenticated in full, a verification that would be
   * refused before it is attempted anyway: {@code bearer} is a management key this node proved and
   * still remembers, and the command's token was not proven and its lookup is locked out for the
   * command's client network. Reads nothing and hashes nothing, so a flood of guesses costs less
   * than the verifications it competes with. A caller whose bearer is not known this way is not
   * refused here; it goes the full way and is told the same once authenticated.
   *
   * @throws dev.keygate.domain.LimitReachedException when it refuses
   */
  void refuseKnownGuess(String bearer, VerifyApiKeyCommand command);
}
