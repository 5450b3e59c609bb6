package dev.keygate.application.fake;

import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.SigningKeyRepository;
import dev.keygate.domain.application.SigningKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link SigningKeyRepository} in a map, oldest first. */
public final class InMemorySigningKeyRepository implements SigningKeyRepository {

  private final Map<String, SigningKey> keys = new LinkedHashMap<>();
  private final InMemoryChangeFeed feed;

  /** A repository that notes its changes in {@code feed}. */
  public InMemorySigningKeyRepository(InMemoryChangeFeed feed) {
    this.feed = feed;
  }

  @Override
  public synchronized void add(SigningKey key) {
    InMemoryUnitOfWork.willChange(this, keys, key.kid());
    keys.put(key.kid(), key);
    feed.append(ChangeFeed.Kind.SIGNING_KEY, key.kid());
  }

  @Override
  public synchronized List<SigningKey> list() {
    return List.copyOf(keys.values());
  }

  @Override
  public synchronized void update(SigningKey key) {
    if (keys.containsKey(key.kid())) {
      InMemoryUnitOfWork.willChange(this, keys, key.kid());
      keys.put(key.kid(), key);
      feed.append(ChangeFeed.Kind.SIGNING_KEY, key.kid());
    }
  }
}
