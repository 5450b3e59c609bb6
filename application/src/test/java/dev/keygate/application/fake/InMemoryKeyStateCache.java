package dev.keygate.application.fake;

import dev.keygate.application.port.out.KeyStateCache;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link KeyStateCache} in a plain map that forgets only when told to. */
public final class InMemoryKeyStateCache implements KeyStateCache {

  private final Map<ApiKeyId, ApiKey> remembered = new HashMap<>();

  @Override
  public synchronized Optional<ApiKey> find(ApiKeyId id) {
    return Optional.ofNullable(remembered.get(id));
  }

  @Override
  public synchronized void remember(ApiKey key) {
    remembered.put(key.id(), key);
  }

  @Override
  public synchronized void forget(ApiKeyId id) {
    remembered.remove(id);
  }

  @Override
  public synchronized void forgetAll() {
    remembered.clear();
  }

  /** Forgets every key, as when the cache's time to live has passed. */
  public synchronized void expireAll() {
    remembered.clear();
  }
}
