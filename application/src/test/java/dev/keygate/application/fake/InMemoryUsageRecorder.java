package dev.keygate.application.fake;

import dev.keygate.application.port.out.UsageRecorder;
import dev.keygate.domain.key.ApiKeyId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link UsageRecorder} that counts verifications per key and keeps the latest address. */
public final class InMemoryUsageRecorder implements UsageRecorder {

  private final Map<ApiKeyId, Long> counts = new HashMap<>();
  private final Optional<InMemoryApiKeyRepository> store;
  private final Map<ApiKeyId, Optional<String>> lastIps = new HashMap<>();

  /** A recorder that only counts. */
  public InMemoryUsageRecorder() {
    this.store = Optional.empty();
  }

  /** A recorder that also writes the usage into {@code store} at once, as a flush would. */
  public InMemoryUsageRecorder(InMemoryApiKeyRepository store) {
    this.store = Optional.of(store);
  }

  @Override
  public synchronized void record(ApiKeyId keyId, Instant verifiedOn, Optional<String> clientIp) {
    counts.merge(keyId, 1L, Long::sum);
    lastIps.put(keyId, clientIp);
    store.ifPresent(keys -> keys.addUsage(keyId, 1, verifiedOn, clientIp));
  }

  public synchronized long count(ApiKeyId keyId) {
    return counts.getOrDefault(keyId, 0L);
  }

  public synchronized Optional<String> lastIp(ApiKeyId keyId) {
    return lastIps.getOrDefault(keyId, Optional.empty());
  }
}
