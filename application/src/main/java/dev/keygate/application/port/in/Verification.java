package dev.keygate.application.port.in;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.policy.Credits;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a verification, with the key when the token's secret matched it.
 *
 * @param key present exactly when the secret matched, whatever the outcome
 * @param rateLimit the key's rate limit with the fewest uses left after this one, or the one that
 *     refused it; empty when no limit applies or the key was refused before its limits were asked
 * @param creditsRemaining the credits a metered key has left after this verification
 */
public record Verification(
    VerifyOutcome outcome,
    Optional<ApiKey> key,
    Optional<RateLimitStatus> rateLimit,
    Optional<Long> creditsRemaining) {

  /**
   * How one rate limit stands after a verification.
   *
   * @param remaining the uses its window allows after this one
   * @param reset when its window ends
   */
  public record RateLimitStatus(String name, long limit, long remaining, Instant reset) {}

  public Verification {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rateLimit, "rate limit");
    Objects.requireNonNull(creditsRemaining, "credits remaining");
  }

  /** A verification that asked no usage policy. */
  public Verification(VerifyOutcome outcome, Optional<ApiKey> key) {
    this(outcome, key, Optional.empty(), Optional.empty());
  }

  /** The one answer for every token that does not open a key. */
  public static Verification invalid() {
    return new Verification(VerifyOutcome.API_KEY_INVALID, Optional.empty());
  }

  public boolean isValid() {
    return outcome.isValid();
  }

  /**
   * The whole seconds, at least one, until a key refused over a rate limit or out of credits may be
   * used again: until the limit's window ends, or the credits' next refill. Empty for any other
   * outcome, and for credits that are never refilled.
   */
  public Optional<Long> retryAfterSeconds(Instant now) {
    Optional<Instant> until;
    if (outcome == VerifyOutcome.API_KEY_RATE_LIMITED) {
      until = rateLimit.map(RateLimitStatus::reset);
    } else if (outcome == VerifyOutcome.API_KEY_USAGE_EXCEEDED) {
      until =
          key.flatMap(opened -> opened.policy().credits())
              .flatMap(Credits::refill)
              .map(refill -> refill.nextDue(now));
    } else {
      until = Optional.empty();
    }
    return until.map(end -> Math.max(1, (Duration.between(now, end).toMillis() + 999) / 1000));
  }
}
