package dev.keygate.application.service;

import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.KeyStateCache;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The current state of a key for verification, by the node's {@link VerifyMode}. Follow (the
 * default): a remembered key is used as it is while the node follows the change feed within its
 * bound, since the feed makes it forget each key that changed; otherwise, and in strict mode, a
 * remembered key is used only when the stored version, one cheap read, says it is current, so a
 * change on any node is seen by the next verification. In ttl mode a remembered key is used until
 * the cache lets it go.
 */
final class KeyStates {

  private final ApiKeyRepository apiKeys;
  private final KeyStateCache cache;
  private final VerifyMode mode;
  private final ChangeFollower follower;

  KeyStates(
      ApiKeyRepository apiKeys, KeyStateCache cache, VerifyMode mode, ChangeFollower follower) {
    this.apiKeys = apiKeys;
    this.cache = cache;
    this.mode = mode;
    this.follower = follower;
  }

  Optional<ApiKey> current(ApiKeyId id) {
    Optional<ApiKey> remembered = cache.find(id);
    if (remembered.isEmpty()) {
      return readById(id);
    }
    if (mode == VerifyMode.TTL || (mode == VerifyMode.FOLLOW && follower.isCurrent())) {
      return remembered;
    }
    OptionalLong stored = apiKeys.findVersion(id);
    if (stored.isPresent() && stored.getAsLong() == remembered.get().version()) {
      return remembered;
    }
    return readById(id);
  }

  /**
   * The key {@code reading} reads, remembered for the next verification to start from unless the
   * change feed made this node forget something while it was read: then the key may already be
   * older than what the feed said, and the next verification reads it again.
   */
  Optional<ApiKey> read(Supplier<Optional<ApiKey>> reading) {
    long mark = follower.mark();
    Optional<ApiKey> key = reading.get();
    key.ifPresent(
        read -> {
          cache.remember(read);
          if (follower.forgotSince(mark)) {
            cache.forget(read.id());
          }
        });
    return key;
  }

  /** After this node changed what every key of an owner is read with. */
  void forgetAll() {
    follower.forgetAll();
  }

  /** After this node changed the key: its remembered state is no longer the current one. */
  void forget(ApiKeyId id) {
    follower.forget(id);
  }

  private Optional<ApiKey> readById(ApiKeyId id) {
    Optional<ApiKey> key = read(() -> apiKeys.findById(id));
    if (key.isEmpty()) {
      cache.forget(id);
    }
    return key;
  }
}
