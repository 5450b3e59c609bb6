package dev.keygate.application.port.out;

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

/** Stores API keys with their secrets, and guards them with optimistic locking. */
public interface ApiKeyRepository {

  /**
   * Stores a new key.
   *
   * @throws dev.keygate.domain.ConflictException if its id or a secret lookup is taken
   */
  void add(ApiKey key);

  /**
   * Replaces a stored key, provided nobody changed it since it was read at {@code key.version()}.
   *
   * @return the key as stored, with its version bumped
   * @throws dev.keygate.domain.ConflictException if the stored version differs (a lost race)
   * @throws dev.keygate.domain.NotFoundException if the key is not stored
   */
  ApiKey update(ApiKey key);

  Optional<ApiKey> findById(ApiKeyId id);

  /**
   * The stored version of the key: one cheap read that tells whether a copy read earlier is still
   * current, since every change of a key bumps its version.
   */
  OptionalLong findVersion(ApiKeyId id);

  /** The key one of whose secrets has {@code lookup}, expired or not. */
  Optional<ApiKey> findBySecretLookup(SecretLookup lookup);

  /** One page of the keys that pass {@code filter}, in id order. */
  Page<ApiKey> list(ApiKeyFilter filter, PageRequest page);

  /** How many keys of {@code owner} are live at {@code now}: not revoked and not expired. */
  long countLive(Owner owner, Instant now);

  /** How many keys, in any status, were issued for {@code apiId}. */
  long countByApi(ApiId apiId);

  /** Takes the scope away from every key that holds it. */
  void withdrawScope(ScopeId scopeId);

  /**
   * Removes up to {@code limit} portal links' keys that expired before {@code expiredBefore},
   * earliest expiry first, with their secrets, scopes, credits and usage counts; their audit events
   * stay. Inside a unit of work, the removal commits with the unit.
   *
   * @return the keys removed, as they were
   */
  List<ApiKey> removeExpiredPortalLinks(Instant expiredBefore, int limit);

  /**
   * Up to {@code limit} keys not revoked whose expiry is after {@code after} and no later than
   * {@code until}, earliest expiry first: the keys an expiry notice is due for.
   */
  List<ApiKey> expiringBetween(Instant after, Instant until, int limit);
}
