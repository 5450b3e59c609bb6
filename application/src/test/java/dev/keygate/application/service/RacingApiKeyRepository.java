package dev.keygate.application.service;

import dev.keygate.application.fake.InMemoryApiKeyRepository;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.token.SecretLookup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An {@link ApiKeyRepository} over an in-memory store where, once armed, another writer stores the
 * key right after a service has read it: the lost race that optimistic locking must catch.
 */
final class RacingApiKeyRepository implements ApiKeyRepository {

  private final InMemoryApiKeyRepository store;
  private boolean raceNextRead;
  private boolean raceNextUpdate;

  RacingApiKeyRepository(InMemoryApiKeyRepository store) {
    this.store = store;
  }

  /** Makes the next read by id be followed at once by a concurrent write of the same key. */
  void raceNextRead() {
    raceNextRead = true;
  }

  @Override
  public OptionalLong findVersion(ApiKeyId id) {
    return store.findVersion(id);
  }

  @Override
  public Optional<ApiKey> findById(ApiKeyId id) {
    Optional<ApiKey> found = store.findById(id);
    if (raceNextRead && found.isPresent()) {
      raceNextRead = false;
      elsewhere(() -> store.update(found.get()));
    }
    return found;
  }

  @Override
  public void add(ApiKey key) {
    store.add(key);
  }

  /** Makes the next update lose: another writer renames the stored key just before it. */
  void raceNextUpdate() {
    raceNextUpdate = true;
  }

  @Override
  public ApiKey update(ApiKey key) {
    if (raceNextUpdate) {
      raceNextUpdate = false;
      elsewhere(
          () -> store.update(store.findById(key.id()).orElseThrow().rename("renamed meanwhile")));
    }
    return store.update(key);
  }

  @Override
  public Optional<ApiKey> findBySecretLookup(SecretLookup lookup) {
    return store.findBySecretLookup(lookup);
  }

  @Override
  public Page<ApiKey> list(ApiKeyFilter filter, PageRequest page) {
    return store.list(filter, page);
  }

  @Override
  public long countLive(Owner owner, Instant now) {
    return store.countLive(owner, now);
  }

  @Override
  public long countByApi(ApiId apiId) {
    return store.countByApi(apiId);
  }

  @Override
  public List<ApiKey> removeExpiredPortalLinks(Instant expiredBefore, int limit) {
    return store.removeExpiredPortalLinks(expiredBefore, limit);
  }

  @Override
  public List<ApiKey> expiringBetween(Instant after, Instant until, int limit) {
    return store.expiringBetween(after, until, limit);
  }

  @Override
  public void withdrawScope(ScopeId scopeId) {
    store.withdrawScope(scopeId);
  }

  /** Another writer's change: made on a thread of its own, outside this caller's unit of work. */
  private static void elsewhere(Runnable write) {
    Thread writer = new Thread(write, "another writer");
    writer.start();
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
