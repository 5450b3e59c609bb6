package dev.keygate.application.service;

import static dev.keygate.domain.audit.AuditAction.SIGNING_KEY_ROLL;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.AccessTokens;
import dev.keygate.application.port.out.SigningKeyRepository;
import dev.keygate.domain.TimeOrderedIds;
import dev.keygate.domain.application.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The keys that sign access tokens. Verification uses the keys this node knows, read again when a
 * token names a key not known yet (made by a roll on another node), at most once a second; signing
 * reads them afresh. The first token request makes the first key.
 */
final class SigningKeys {

  private static final Principal KEYGATE = Principal.operator("keygate:signing-keys");
  private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(1);

  private final SigningKeyRepository store;
  private final AccessTokens tokens;
  private final Changes changes;
  private final Clock clock;
  private final Duration tokenLifetime;

  private volatile List<SigningKey> known;
  private volatile Instant loadedOn = Instant.MIN;

  SigningKeys(
      SigningKeyRepository store,
      AccessTokens tokens,
      Changes changes,
      Clock clock,
      Duration tokenLifetime) {
    this.store = store;
    this.tokens = tokens;
    this.changes = changes;
    this.clock = clock;
    this.tokenLifetime = tokenLifetime;
  }

  /** The key that signs now, made when there is none. */
  synchronized SigningKey signer() {
    // Read afresh: another node may have rolled the key, and a retired key must sign no more.
    Optional<SigningKey> current = newestActive(reload());
    if (current.isPresent()) {
      return current.get();
    }
    SigningKey made = newKey();
    changes.make(KEYGATE, SIGNING_KEY_ROLL, made.kid(), Optional.empty(), () -> store.add(made));
    reload();
    return made;
  }

  /** The key named {@code kid}, while it is published. */
  Optional<SigningKey> byKid(String kid) {
    Optional<SigningKey> found = published(kid, load());
    if (found.isEmpty() && loadedOn.plus(RELOAD_AT_MOST_EVERY).isBefore(clock.instant())) {
      found = published(kid, reload());
    }
    return found;
  }

  /** Every key whose tokens may still be alive. */
  List<SigningKey> published() {
    Instant now = clock.instant();
    return reload().stream().filter(key -> key.isPublishedAt(now, tokenLifetime)).toList();
  }

  /** Retires every signing key and makes a new one, in one unit with its audit event. */
  synchronized SigningKey roll(Principal principal) {
    Instant now = clock.instant();
    SigningKey made = newKey();
    changes.make(
        principal,
        SIGNING_KEY_ROLL,
        made.kid(),
        Optional.empty(),
        () -> {
          for (SigningKey key : store.list()) {
            if (key.retiredOn().isEmpty()) {
              store.update(key.retiredAt(now));
            }
          }
          store.add(made);
        });
    reload();
    return made;
  }

  private SigningKey newKey() {
    return tokens.newSigningKey("kg_" + TimeOrderedIds.next(clock), clock.instant());
  }

  private Optional<SigningKey> published(String kid, List<SigningKey> keys) {
    Instant now = clock.instant();
    return keys.stream()
        .filter(key -> key.kid().equals(kid) && key.isPublishedAt(now, tokenLifetime))
        .findFirst();
  }

  private static Optional<SigningKey> newestActive(List<SigningKey> keys) {
    return keys.stream()
        .filter(key -> key.retiredOn().isEmpty())
        .max(Comparator.comparing(SigningKey::createdOn).thenComparing(SigningKey::kid));
  }

  private List<SigningKey> load() {
    List<SigningKey> keys = known;
    return keys == null ? reload() : keys;
  }

  private List<SigningKey> reload() {
    List<SigningKey> keys = new ArrayList<>(store.list());
    known = List.copyOf(keys);
    loadedOn = clock.instant();
    return known;
  }
}
