package dev.keygate.application.fake;

import dev.keygate.application.port.out.SecretRef;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.token.ParsedToken;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link VerifiedSecretCache} in a plain map keyed by the token text. Test code only: the real
 * cache keys by an HMAC and never holds a token.
 */
public final class InMemoryVerifiedSecretCache implements VerifiedSecretCache {

  private final Map<String, SecretRef> proven = new HashMap<>();

  @Override
  public synchronized Optional<SecretRef> find(ParsedToken token) {
    return Optional.ofNullable(proven.get(new String(token.token())));
  }

  @Override
  public synchronized void remember(ParsedToken token, SecretRef secret) {
    proven.put(new String(token.token()), secret);
  }

  @Override
  public synchronized void forget(ApiKeyId keyId) {
    proven.values().removeIf(ref -> ref.keyId().equals(keyId));
  }

  public synchronized int size() {
    return proven.size();
  }
}
