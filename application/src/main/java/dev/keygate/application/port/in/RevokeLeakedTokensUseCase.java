package dev.keygate.application.port.in;

import java.util.List;

/**
 * The public revocation of leaked tokens, which anyone who holds a token may ask for: every token
 * that is a current secret of a key revokes that key, and its owner is told. What becomes of each
 * token is told to no one, so the answer is the same for real, unknown and revoked tokens.
 */
public interface RevokeLeakedTokensUseCase {

  /** The most tokens one request may carry. */
  int MAX_TOKENS = 1000;

  /**
   * @param client the caller's address, whose requests are rate limited
   * @throws dev.keygate.domain.ValidationException for no tokens, or more than {@value #MAX_TOKENS}
   * @throws dev.keygate.domain.LimitReachedException when {@code client} sent too many lately
   */
  void revoke(List<String> tokens, String client);
}
