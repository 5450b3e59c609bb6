package dev.keygate.application.port.out;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import java.util.Optional;

/**
 * Keys remembered between verifications, so that a repeated verification does not read the whole
 * key again. Whether a remembered key may be used as it is, or only once its stored version
 * confirmed it, is the verification's decision.
 */
public interface KeyStateCache {

  Optional<ApiKey> find(ApiKeyId id);

  void remember(ApiKey key);

  /** Forgets the key, after it changed. */
  void forget(ApiKeyId id);

  /** Forgets every key, when which of them changed is not known. */
  void forgetAll();
}
