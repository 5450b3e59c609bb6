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
}
