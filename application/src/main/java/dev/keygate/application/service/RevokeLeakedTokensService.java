package dev.keygate.application.service;

import dev.keygate.application.port.in.RevokeLeakedTokensUseCase;
import dev.keygate.application.port.out.RateLimiter;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.event.Leak;
import dev.keygate.domain.event.LeakPolicy;
import dev.keygate.domain.policy.RateLimit;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Revokes the keys whose live secrets anyone posts, as {@code public-revocation}: holding the
 * secret is the proof. Whatever each token is, the caller is told nothing of it; each client
 * network may ask {@value #REQUESTS_PER_MINUTE} times a minute.
 */
public final class RevokeLeakedTokensService implements RevokeLeakedTokensUseCase {

  /** Who revokes, as the audit trail and the events name it. */
  static final String ACTOR = "public-revocation";

  static final int REQUESTS_PER_MINUTE = 10;

  private static final RateLimit LIMIT = RateLimit.of("revoke_leaked", REQUESTS_PER_MINUTE, 60);

  private final RateLimiter rateLimiter;
  private final LeakedTokens leaks;
  private final Clock clock;

  RevokeLeakedTokensService(RateLimiter rateLimiter, LeakedTokens leaks, Clock clock) {
    this.rateLimiter = rateLimiter;
    this.leaks = leaks;
    this.clock = clock;
  }

  @Override
  public void revoke(List<String> tokens, String client) {
    if (tokens == null || tokens.isEmpty()) {
      throw new ValidationException("tokens must hold at least one token");
    }
    if (tokens.size() > MAX_TOKENS) {
      throw new ValidationException("tokens must hold at most " + MAX_TOKENS + " tokens");
    }
    String network = ClientNetwork.of(Optional.ofNullable(client));
    Instant now = clock.instant();
    RateLimiter.Count count =
        rateLimiter
            .hit(List.of(new RateLimiter.Window("revoke_leaked:" + network, LIMIT)), now)
            .get(0);
    if (count.exceeded()) {
      throw LeakedTokens.tooMany("revocation requests", count.resetsAt(), now);
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String token : tokens) {
      if (token != null) {
        distinct.add(token);
      }
    }
    for (String token : distinct) {
      leaks
          .match(token, network)
          .filter(LeakedTokens.Match::live)
          .ifPresent(
              match ->
                  leaks.leaked(
                      match.key().id(),
                      new Leak(Leak.Source.PUBLIC_REVOCATION, Optional.empty()),
                      LeakPolicy.REVOKE,
                      ACTOR));
    }
  }
}
