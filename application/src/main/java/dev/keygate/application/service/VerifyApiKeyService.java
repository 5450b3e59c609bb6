package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_API_KEYS;
import static dev.keygate.application.port.in.ManagementScope.VERIFY_API_KEYS;
import static dev.keygate.domain.audit.AuditAction.API_KEY_VERIFY;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyApiKeyUseCase;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.out.FailedAttempts;
import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.application.port.out.SecretRef;
import dev.keygate.application.port.out.UsageRecorder;
import dev.keygate.application.port.out.VerificationMetrics;
import dev.keygate.application.port.out.VerifiedSecretCache;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.SecretLookup;
import dev.keygate.domain.token.TokenFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Verifies tokens in this order, so that nothing about a key is told before its secret matched:
 * parse and checksum, find the secret by its lookup, secret not expired, hash check (skipped when
 * the token was proven before), then key status, key expiry, API and scopes, and last the key's
 * usage policy (allowed addresses, rate limits, credits). The key's state comes from {@link
 * KeyStates}, by the node's {@link VerifyMode}. A lookup with too many failures is refused before
 * anything is read or hashed, for the network it came from; a token already proven is not affected.
 */
public final class VerifyApiKeyService implements VerifyApiKeyUseCase {

  /** The code counted for verifications refused before they were attempted. */
  static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";

  private final ApiKeyRepository apiKeys;
  private final KeyStates keyStates;
  private final SecretHasher hasher;
  private final VerifiedSecretCache verifiedSecrets;
  private final FailedAttempts failedAttempts;
  private final UsageRecorder usage;
  private final VerificationMetrics metrics;
  private final Authorization authorization;
  private final KeyTransitions transitions;
  private final UsageEnforcement enforcement;
  private final Clock clock;

  VerifyApiKeyService(
      ApiKeyRepository apiKeys,
      KeyStates keyStates,
      SecretHasher hasher,
      VerifiedSecretCache verifiedSecrets,
      FailedAttempts failedAttempts,
      UsageRecorder usage,
      VerificationMetrics metrics,
      Authorization authorization,
      KeyTransitions transitions,
      UsageEnforcement enforcement,
      Clock clock) {
    this.apiKeys = apiKeys;
    this.keyStates = keyStates;
    this.hasher = hasher;
    this.verifiedSecrets = verifiedSecrets;
    this.failedAttempts = failedAttempts;
    this.usage = usage;
    this.metrics = metrics;
    this.authorization = authorization;
    this.transitions = transitions;
    this.enforcement = enforcement;
    this.clock = clock;
  }

  @Override
  public Verification verify(Principal principal, VerifyApiKeyCommand command) {
    authorization.requireEitherScope(
        principal, VERIFY_API_KEYS, READ_API_KEYS, API_KEY_VERIFY, "api_keys");
    long started = System.nanoTime();
    try {
      Verification verification = answer(principal, command);
      metrics.verified(verification.outcome().name(), since(started));
      return verification;
    } catch (LimitReachedException refused) {
      metrics.verified(TOO_MANY_REQUESTS, since(started));
      throw refused;
    }
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private Verification answer(Principal principal, VerifyApiKeyCommand command) {
    Optional<ParsedToken> token = TokenFormat.parse(command.token());
    if (token.isEmpty()) {
      return Verification.invalid();
    }
    Instant now = clock.instant();
    Optional<ApiKey> matched;
    try {
      matched = matchSecret(token.get(), ClientNetwork.of(command.clientIp()), now);
    } finally {
      token.get().wipe();
    }
    if (matched.isEmpty()) {
      return Verification.invalid();
    }
    ApiKey key = matched.get();
    if (!principal.covers(key.owner())) {
      // Keys out of the caller's reach answer like unknown keys; the attempt is on record.
      authorization.outOfReach(principal, API_KEY_VERIFY, key.id().value());
      return Verification.invalid();
    }
    VerifyOutcome outcome = judge(key, command, now);
    if (outcome == VerifyOutcome.API_KEY_INVALID) {
      return Verification.invalid();
    }
    Verification verification =
        outcome.isValid()
            ? enforcement.enforce(key, command, now)
            : new Verification(outcome, Optional.of(key));
    usage.record(key.id(), verification.outcome().name(), now, command.clientIp());
    return verification;
  }

  /**
   * The key whose live secret the token matches, from the cache or by hash check. Failures are
   * counted per lookup and client network: a flood of guesses from one place locks out that place,
   * not the holder of the secret calling from another.
   */
  private Optional<ApiKey> matchSecret(ParsedToken token, String client, Instant now) {
    Optional<SecretRef> proven = verifiedSecrets.find(token);
    metrics.cacheChecked(proven.isPresent());
    if (proven.isPresent()) {
      return keyStates
          .current(proven.get().keyId())
          .filter(key -> isLive(key.secret(token.lookup()), now));
    }
    SecretLookup lookup = token.lookup();
    requireNotLockedOut(lookup, client);
    Optional<ApiKey> matched = keyStates.read(() -> checkHash(token, now));
    if (matched.isEmpty()) {
      failedAttempts.failed(lookup, client);
      return Optional.empty();
    }
    verifiedSecrets.remember(token, new SecretRef(matched.get().id(), lookup));
    return matched;
  }

  /**
   * Refuses, as {@link #verify} would before it attempted anything, a verification of the command's
   * token when its lookup is locked out for the command's client network, the token was not proven
   * before, and {@code mayBeTold} says the caller may be refused here. Reads nothing and hashes
   * nothing; a lookup that is not locked out, the common case, costs one map lookup.
   *
   * @param mayBeTold whether the caller may be refused here; asked only when the lookup is locked
   *     out
   * @throws LimitReachedException when it refuses; counted as {@link #verify} counts it
   */
  void refuseIfLockedOut(VerifyApiKeyCommand command, BooleanSupplier mayBeTold) {
    Optional<ParsedToken> token = TokenFormat.parse(command.token());
    if (token.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    try {
      SecretLookup lookup = token.get().lookup();
      String client = ClientNetwork.of(command.clientIp());
      if (failedAttempts.lockedOutFor(lookup, client).isPresent()
          && verifiedSecrets.find(token.get()).isEmpty()
          && mayBeTold.getAsBoolean()) {
        requireNotLockedOut(lookup, client);
      }
    } catch (LimitReachedException refused) {
      metrics.verified(TOO_MANY_REQUESTS, since(started));
      throw refused;
    } finally {
      token.get().wipe();
    }
  }

  private void requireNotLockedOut(SecretLookup lookup, String client) {
    Optional<Duration> lockedOut = failedAttempts.lockedOutFor(lookup, client);
    if (lockedOut.isPresent()) {
      throw new LimitReachedException(
          "too many failed verifications with this lookup; retry in "
              + Math.max(1, lockedOut.get().toSeconds())
              + " s",
          lockedOut.get());
    }
  }

  /** The key whose live secret the token matches, proven by a hash check. */
  private Optional<ApiKey> checkHash(ParsedToken token, Instant now) {
    Optional<ApiKey> candidate = apiKeys.findBySecretLookup(token.lookup());
    if (candidate.isEmpty()) {
      return Optional.empty();
    }
    Optional<KeySecret> secret = candidate.get().secret(token.lookup());
    // The checksum is no secret: a token recomposed under another prefix is not the one issued.
    if (!isLive(secret, now) || !secret.get().prefix().equals(token.prefix())) {
      return Optional.empty();
    }
    char[] presented = token.secret();
    try {
      metrics.hashChecked();
      if (!hasher.verify(secret.get().hash(), presented)) {
        return Optional.empty();
      }
      if (hasher.needsRehash(secret.get().hash())) {
        return Optional.of(rehash(candidate.get(), token.lookup(), presented));
      }
      return candidate;
    } finally {
      Arrays.fill(presented, '\0');
    }
  }

  /**
   * The key with the secret hashed again under the parameters configured now, which were raised
   * since it was hashed. Best effort: when no hashing slot is free or the key changed meanwhile,
   * the key stays as it was and the next verification tries again.
   */
  private ApiKey rehash(ApiKey key, SecretLookup lookup, char[] secret) {
    try {
      return transitions.rehash(key, lookup, hasher.hash(secret));
    } catch (LimitReachedException | ConflictException | NotFoundException notNow) {
      return key;
    }
  }

  private static boolean isLive(Optional<KeySecret> secret, Instant now) {
    return secret.isPresent() && !secret.get().isExpiredAt(now);
  }

  private static VerifyOutcome judge(ApiKey key, VerifyApiKeyCommand command, Instant now) {
    return switch (key.verdict(now, command.apiId(), command.requiredScopes())) {
      case OPENS -> VerifyOutcome.API_KEY_VERIFIED;
      case INACTIVE -> VerifyOutcome.API_KEY_INACTIVE;
      case REVOKED -> VerifyOutcome.API_KEY_REVOKED;
      case EXPIRED -> VerifyOutcome.API_KEY_EXPIRED;
      // A key of another API answers as an unknown one: which API a key is for is not told.
      case OTHER_API -> VerifyOutcome.API_KEY_INVALID;
      case MISSING_SCOPE -> VerifyOutcome.API_KEY_INSUFFICIENT_SCOPE;
    };
  }
}
