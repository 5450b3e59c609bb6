package dev.keygate.application.port.out;

import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.token.ParsedToken;
import java.util.Optional;

/**
 * Remembers tokens already proven to match their secret, so a repeated verification skips the
 * expensive hash. Implementations must never keep the token itself.
 */
public interface VerifiedSecretCache {

  /** The secret {@code token} was proven to match, if that is remembered. */
  Optional<SecretRef> find(ParsedToken token);

  void remember(ParsedToken token, SecretRef secret);

  /** Forgets every token of the key, after it was rotated, disabled or revoked. */
  void forget(ApiKeyId keyId);
}
