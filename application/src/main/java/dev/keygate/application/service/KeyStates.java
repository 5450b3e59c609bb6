package dev.keygate.application.service;

import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.KeyStateCache;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The current state of a key for verification. Strict (the default): a remembered key is used only
 * when the stored version, one cheap read, says it is current; so a change on any node is seen by
 * the next verification. With the state cache trusted, a remembered key is used without reading the
 * database until the cache lets it go.
 */
final class KeyStates {

  private final ApiKeyRepository apiKeys;
  private final KeyStateCache cache;
  private final boolean trustCache;

  KeyStates(ApiKeyRepository apiKeys, KeyStateCache cache, boolean trustCache) {
    this.apiKeys = apiKeys;
    this.cache = cache;
    this.trustCache = trustCache;
  }

  Optional<ApiKey> current(ApiKeyId id) {
    Optional<ApiKey> remembered = cache.find(id);
    if (remembered.isEmpty()) {
      return read(id);
    }
    if (trustCache) {
      return remembered;
    }
    OptionalLong stored = apiKeys.findVersion(id);
    if (stored.isPresent() && stored.getAsLong() == remembered.get().version()) {
      return remembered;
    }
    return read(id);
  }

  /** A key just read in full, for the next verification to start from. */
  void remember(ApiKey key) {
    cache.remember(key);
  }

  /** After this node changed the key: its remembered state is no longer the current one. */
  void forget(ApiKeyId id) {
    cache.forget(id);
  }

  private Optional<ApiKey> read(ApiKeyId id) {
    Optional<ApiKey> key = apiKeys.findById(id);
    key.ifPresentOrElse(cache::remember, () -> cache.forget(id));
    return key;
  }
}
