package dev.keygate.application.fake;

import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyKind;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.key.Usage;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.token.SecretLookup;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link ApiKeyRepository} in a sorted map, with the same optimistic locking as the real one. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

  private final TreeMap<String, ApiKey> keys = new TreeMap<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final InMemoryChangeFeed feed;
  private final TreeMap<String, List<RateLimit>> ownerLimits = new TreeMap<>();

  /** A repository that notes its changes in {@code feed}. */
  public InMemoryApiKeyRepository(InMemoryChangeFeed feed) {
    this.feed = feed;
  }

  @Override
  public synchronized void add(ApiKey key) {
    if (keys.containsKey(key.id().value())) {
      throw new ConflictException("api key " + key.id() + " already exists");
    }
    for (KeySecret secret : key.secrets()) {
      if (findByLookup(secret.lookup()).isPresent()) {
        throw new ConflictException("secret lookup already in use");
      }
    }
    InMemoryUnitOfWork.willChange(this, keys, key.id().value());
    keys.put(key.id().value(), stored(key, key.usage(), key.version()));
    feed.append(ChangeFeed.Kind.API_KEY, key.id().value());
  }

  /** The limits the owner's keys share, as the owner repository keeps them. */
  public synchronized List<RateLimit> ownerLimits(Owner owner) {
    return ownerLimits.getOrDefault(owner.toString(), List.of());
  }

  /**
   * Sets the limits the owner's keys share, changing each of its keys with them as the real
   * repository does: a new version, and an entry in the feed.
   */
  public synchronized void setOwnerLimits(Owner owner, List<RateLimit> limits) {
    InMemoryUnitOfWork.willChange(this, ownerLimits, owner.toString());
    ownerLimits.put(owner.toString(), List.copyOf(limits));
    for (ApiKey key : List.copyOf(keys.values())) {
      if (key.owner().equals(owner)) {
        InMemoryUnitOfWork.willChange(this, keys, key.id().value());
        keys.put(key.id().value(), stored(key, key.usage(), key.version() + 1));
        feed.append(ChangeFeed.Kind.API_KEY, key.id().value());
      }
    }
  }

  @Override
  public synchronized ApiKey update(ApiKey key) {
    ApiKey stored = keys.get(key.id().value());
    if (stored == null) {
      throw new NotFoundException("api key " + key.id() + " not found");
    }
    if (stored.version() != key.version()) {
      throw new ConflictException("api key " + key.id() + " was changed concurrently");
    }
    // Usage belongs to the recorder: an update never writes back the usage it read.
    ApiKey bumped = stored(key, stored.usage(), key.version() + 1);
    InMemoryUnitOfWork.willChange(this, keys, key.id().value());
    keys.put(key.id().value(), bumped);
    feed.append(ChangeFeed.Kind.API_KEY, key.id().value());
    return bumped;
  }

  @Override
  public synchronized Optional<ApiKey> findById(ApiKeyId id) {
    reads.incrementAndGet();
    return Optional.ofNullable(keys.get(id.value()));
  }

  @Override
  public synchronized OptionalLong findVersion(ApiKeyId id) {
    reads.incrementAndGet();
    ApiKey key = keys.get(id.value());
    return key == null ? OptionalLong.empty() : OptionalLong.of(key.version());
  }

  @Override
  public synchronized Optional<ApiKey> findBySecretLookup(SecretLookup lookup) {
    reads.incrementAndGet();
    return findByLookup(lookup);
  }

  @Override
  public synchronized Page<ApiKey> list(ApiKeyFilter filter, PageRequest page) {
    List<ApiKey> matching = keys.values().stream().filter(key -> passes(filter, key)).toList();
    return Page.of(matching, key -> key.id().value(), page);
  }

  /** Whether {@code key} passes {@code filter}, as the real repository's query decides. */
  private static boolean passes(ApiKeyFilter filter, ApiKey key) {
    return filter.ownerType().map(type -> type == key.owner().type()).orElse(true)
        && filter.owner().map(key.owner()::equals).orElse(true)
        && filter.status().map(status -> status == key.status()).orElse(true)
        && filter.apiId().map(key.apiId()::equals).orElse(true)
        && filter.kind().map(kind -> kind == key.kind()).orElse(true)
        && filter.matchesSearch(key);
  }

  @Override
  public synchronized long countLive(Owner owner, Instant now) {
    return keys.values().stream()
        .filter(key -> key.owner().equals(owner))
        .filter(key -> key.status() != ApiKeyStatus.REVOKED && !key.isExpiredAt(now))
        .count();
  }

  @Override
  public synchronized long countByApi(ApiId apiId) {
    return keys.values().stream().filter(key -> key.apiId().equals(apiId)).count();
  }

  @Override
  public synchronized List<ApiKey> expiringBetween(Instant after, Instant until, int limit) {
    return keys.values().stream()
        .filter(key -> key.status() != ApiKeyStatus.REVOKED)
        .filter(
            key ->
                key.expiresOn().isPresent()
                    && key.expiresOn().get().isAfter(after)
                    && !key.expiresOn().get().isAfter(until))
        .sorted(Comparator.comparing((ApiKey key) -> key.expiresOn().get()))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized List<ApiKey> removeExpiredPortalLinks(Instant expiredBefore, int limit) {
    List<ApiKey> expired =
        keys.values().stream()
            .filter(key -> key.kind() == ApiKeyKind.PORTAL_LINK)
            .filter(key -> key.expiresOn().orElseThrow().isBefore(expiredBefore))
            .sorted(
                Comparator.comparing((ApiKey key) -> key.expiresOn().get())
                    .thenComparing(key -> key.id().value()))
            .limit(limit)
            .toList();
    for (ApiKey key : expired) {
      InMemoryUnitOfWork.willChange(this, keys, key.id().value());
      keys.remove(key.id().value());
      feed.append(ChangeFeed.Kind.API_KEY, key.id().value());
    }
    return expired;
  }

  @Override
  public synchronized void withdrawScope(ScopeId scopeId) {
    for (ApiKey key : List.copyOf(keys.values())) {
      if (key.scopes().stream().anyMatch(scope -> scope.id().equals(scopeId))) {
        update(withoutScope(key, scopeId));
      }
    }
  }

  /** The same key without the scope, revoked or not, as the real repository deletes its row. */
  private static ApiKey withoutScope(ApiKey key, ScopeId scopeId) {
    Set<Scope> remaining = new LinkedHashSet<>(key.scopes());
    remaining.removeIf(scope -> scope.id().equals(scopeId));
    return new ApiKey(
        key.id(),
        key.name(),
        key.owner(),
        key.apiId(),
        remaining,
        key.status(),
        key.createdOn(),
        key.createdBy(),
        key.madeBy(),
        key.kind(),
        key.expiresOn(),
        key.secrets(),
        key.usage(),
        key.revokedOn(),
        key.policy(),
        key.ownerLimits(),
        key.version());
  }

  /** Adds verifications to a key's usage as the write-behind recorder does: no version change. */
  public synchronized void addUsage(
      ApiKeyId id, long count, Instant verifiedOn, Optional<String> clientIp) {
    ApiKey key = keys.get(id.value());
    if (key == null) {
      return;
    }
    Usage old = key.usage();
    boolean later = old.lastVerifiedOn().map(verifiedOn::isAfter).orElse(true);
    Usage usage =
        new Usage(
            later ? Optional.of(verifiedOn) : old.lastVerifiedOn(),
            later && clientIp.isPresent() ? clientIp : old.lastVerifiedIp(),
            old.verificationCount() + count);
    keys.put(id.value(), stored(key, usage, key.version()));
  }

  /** How many lookups by id or by secret lookup were made, for tests of the hot path. */
  public int reads() {
    return reads.get();
  }

  /** Every stored key, for tests that inspect what was written. */
  public synchronized List<ApiKey> all() {
    return List.copyOf(keys.values());
  }

  private Optional<ApiKey> findByLookup(SecretLookup lookup) {
    return keys.values().stream().filter(key -> key.secret(lookup).isPresent()).findFirst();
  }

  /** The key as stored: with {@code usage}, at {@code version}, its owner's limits read with it. */
  private ApiKey stored(ApiKey key, Usage usage, long version) {
    return new ApiKey(
        key.id(),
        key.name(),
        key.owner(),
        key.apiId(),
        key.scopes(),
        key.status(),
        key.createdOn(),
        key.createdBy(),
        key.madeBy(),
        key.kind(),
        key.expiresOn(),
        key.secrets(),
        usage,
        key.revokedOn(),
        key.policy(),
        ownerLimits.getOrDefault(key.owner().toString(), List.of()),
        version);
  }
}
