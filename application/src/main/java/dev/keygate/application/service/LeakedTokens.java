package dev.keygate.application.service;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.FailedAttempts;
import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.application.port.out.SecretRef;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.event.Leak;
import dev.keygate.domain.event.LeakPolicy;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.TokenFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a token reported leaked is, and what its report does: the token is checked as a verification
 * checks it (checksum, lookup, hash, counting failures per lookup and client), and a live one is
 * told to its key's owner as {@code api_key.leaked}, in one unit with its audit event, before the
 * leak policy changes the key through the normal transition.
 */
final class LeakedTokens {

  /** Runs of a leak's unit before a clash with a concurrent change of the key is given up on. */
  private static final int ATTEMPTS = 3;

  /**
   * A token that matched a secret of a key.
   *
   * @param live whether the key is not revoked and that secret has not expired
   */
  record Match(ApiKey key, boolean live) {}

  private final ApiKeyRepository apiKeys;
  private final SecretHasher hasher;
  private final VerifiedSecretCache verifiedSecrets;
  private final FailedAttempts failedAttempts;
  private final KeyTransitions transitions;
  private final KeyEvents events;
  private final Changes changes;
  private final Clock clock;

  LeakedTokens(
      ApiKeyRepository apiKeys,
      SecretHasher hasher,
      VerifiedSecretCache verifiedSecrets,
      FailedAttempts failedAttempts,
      KeyTransitions transitions,
      KeyEvents events,
      Changes changes,
      Clock clock) {
    this.apiKeys = apiKeys;
    this.hasher = hasher;
    this.verifiedSecrets = verifiedSecrets;
    this.failedAttempts = failedAttempts;
    this.transitions = transitions;
    this.events = events;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * The key whose secret {@code token} is, if it is one: by its checksum, then its lookup, then a
   * hash check (skipped for a token proven before). A lookup locked out for {@code client} is not
   * hashed and answers as no match.
   */
  Optional<Match> match(String token, String client) {
    Optional<ParsedToken> parsed = TokenFormat.parse(token);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    try {
      return match(parsed.get(), client, clock.instant());
    } finally {
      parsed.get().wipe();
    }
  }

  private Optional<Match> match(ParsedToken token, String client, Instant now) {
    Optional<SecretRef> proven = verifiedSecrets.find(token);
    if (proven.isPresent()) {
      Optional<ApiKey> key = apiKeys.findById(proven.get().keyId());
      Optional<KeySecret> secret = key.flatMap(found -> found.secret(token.lookup()));
      if (secret.isPresent()) {
        return Optional.of(new Match(key.get(), isLive(key.get(), secret.get(), now)));
      }
    }
    if (failedAttempts.lockedOutFor(token.lookup(), client).isPresent()) {
      return Optional.empty();
    }
    Optional<ApiKey> candidate = apiKeys.findBySecretLookup(token.lookup());
    Optional<KeySecret> secret = candidate.flatMap(key -> key.secret(token.lookup()));
    // The checksum is no secret: a token recomposed under another prefix is not the one issued.
    if (secret.isEmpty() || !secret.get().prefix().equals(token.prefix())) {
      failedAttempts.failed(token.lookup(), client);
      return Optional.empty();
    }
    char[] presented = token.secret();
    try {
      if (!hasher.verify(secret.get().hash(), presented)) {
        failedAttempts.failed(token.lookup(), client);
        return Optional.empty();
      }
    } finally {
      Arrays.fill(presented, '\0');
    }
    if (!secret.get().isExpiredAt(now)) {
      verifiedSecrets.remember(token, new SecretRef(candidate.get().id(), token.lookup()));
    }
    return Optional.of(new Match(candidate.get(), isLive(candidate.get(), secret.get(), now)));
  }

  private static boolean isLive(ApiKey key, KeySecret secret, Instant now) {
    return key.status() != ApiKeyStatus.REVOKED && !secret.isExpiredAt(now);
  }

  /**
   * Tells the owner of the live key {@code keyId} that it leaked, then applies {@code policy} to
   * it, all in one unit: the owner's webhooks receive {@code api_key.leaked}, then the event of the
   * change. A key revoked meanwhile is left alone.
   *
   * @param actor who reported it, as the audit trail and the events name them
   */
  void leaked(ApiKeyId keyId, Leak leak, LeakPolicy policy, String actor) {
    Principal reporter = Principal.operator(actor);
    for (int attempt = 1; ; attempt++) {
      try {
        changes.together(
            () -> {
              handle(keyId, leak, policy, reporter);
              return null;
            });
        return;
      } catch (ConflictException changedMeanwhile) {
        if (attempt == ATTEMPTS) {
          throw changedMeanwhile;
        }
      }
    }
  }

  private void handle(ApiKeyId keyId, Leak leak, LeakPolicy policy, Principal reporter) {
    Optional<ApiKey> found = apiKeys.findById(keyId);
    if (found.isEmpty() || found.get().status() == ApiKeyStatus.REVOKED) {
      return;
    }
    ApiKey key = found.get();
    changes.make(
        reporter,
        AuditAction.API_KEY_LEAK_REPORTED,
        keyId.value(),
        Optional.of(key.owner()),
        () -> events.leaked(key, reporter.actor(), leak));
    if (policy == LeakPolicy.REVOKE) {
      transitions.store(reporter, AuditAction.API_KEY_REVOKE, key.revoke(clock.instant()));
    } else if (policy == LeakPolicy.DISABLE && key.status() == ApiKeyStatus.ACTIVE) {
      transitions.store(reporter, AuditAction.API_KEY_DISABLE, key.disable());
    }
  }

  /** The lowercase hex SHA-256 of {@code token}: how a report's token is named back. */
  static String hashOf(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The wait a refusal for too many requests asks for: the rest of the window, at least 1 s. */
  static LimitReachedException tooMany(String what, Instant resetsAt, Instant now) {
    Duration wait = Duration.between(now, resetsAt);
    if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
      wait = Duration.ofSeconds(1);
    }
    return new LimitReachedException(
        "too many " + what + "; retry in " + wait.toSeconds() + " s", wait);
  }
}
