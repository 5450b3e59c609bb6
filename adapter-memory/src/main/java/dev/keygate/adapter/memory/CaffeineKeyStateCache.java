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
 * Keys remembered between verifications, bounded in size. With a time to live (the state cache on)
 * a key is let go that long after it was read, which bounds how stale a trusted state can be;
 * without one (strict) a key stays until it is evicted, since each use is checked against its
 * stored version anyway.
 */
public final class CaffeineKeyStateCache implements KeyStateCache {

  private final Cache<ApiKeyId, ApiKey> keys;

  /**
   * @param timeToLive how long a remembered key may be trusted; empty when it is never trusted
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
