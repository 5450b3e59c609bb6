package dev.keygate.adapter.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.keygate.application.port.out.KeyStateCache;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import java.time.Duration;
import java.util.Optional;

/**
 * Keys remembered between verifications, bounded in size. With a time to live a key is let go that
 * long after it was read: in ttl mode that bounds how stale a trusted state can be, and following
 * the change feed it is a safety net behind the feed. Without one (strict) a key stays until it is
 * evicted, since each use is checked against its stored version anyway.
 */
public final class CaffeineKeyStateCache implements KeyStateCache {

  private final Cache<ApiKeyId, ApiKey> keys;

  /**
   * @param timeToLive how long a key is remembered at most; empty for as long as there is room
   * @param maximumSize how many keys are remembered at most
   */
  public CaffeineKeyStateCache(Optional<Duration> timeToLive, long maximumSize) {
    this(timeToLive, maximumSize, Ticker.systemTicker());
  }

  CaffeineKeyStateCache(Optional<Duration> timeToLive, long maximumSize, Ticker ticker) {
    Caffeine<Object, Object> builder =
        Caffeine.newBuilder().ticker(ticker).executor(Runnable::run).maximumSize(maximumSize);
    timeToLive.ifPresent(builder::expireAfterWrite);
    this.keys = builder.build();
  }

  @Override
  public Optional<ApiKey> find(ApiKeyId id) {
    return Optional.ofNullable(keys.getIfPresent(id));
  }

  @Override
  public void remember(ApiKey key) {
    keys.put(key.id(), key);
  }

  @Override
  public void forget(ApiKeyId id) {
    keys.invalidate(id);
  }

  @Override
  public void forgetAll() {
    keys.invalidateAll();
  }
}
