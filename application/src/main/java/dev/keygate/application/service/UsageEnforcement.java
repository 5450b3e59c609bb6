package dev.keygate.application.service;

import dev.keygate.application.port.in.Verification;
import dev.keygate.application.port.in.Verification.RateLimitStatus;
import dev.keygate.application.port.in.VerifyApiKeyCommand;
import dev.keygate.application.port.in.VerifyOutcome;
import dev.keygate.application.port.out.CreditLedger;
import dev.keygate.application.port.out.RateLimiter;
import dev.keygate.application.port.out.RateLimiter.Count;
import dev.keygate.application.port.out.RateLimiter.Window;
import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.UsagePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A key's usage policy, asked once the key opens the request, cheapest first: the caller's address
 * (nothing is counted for a key used from elsewhere), then every rate limit of the key and of its
 * owner (each use counts, refused or not), then the credits (spent only by a verification that is
 * valid in every other way). A key under no policy costs nothing here.
 */
final class UsageEnforcement {

  private final RateLimiter rateLimiter;
  private final CreditLedger credits;

  UsageEnforcement(RateLimiter rateLimiter, CreditLedger credits) {
    this.rateLimiter = rateLimiter;
    this.credits = credits;
  }

  /** The verification of {@code key}, which opens the request unless its policy refuses it. */
  Verification enforce(ApiKey key, VerifyApiKeyCommand command, Instant now) {
    UsagePolicy policy = key.policy();
    if (policy.isNone() && key.ownerLimits().isEmpty()) {
      return new Verification(VerifyOutcome.API_KEY_VERIFIED, Optional.of(key));
    }
    if (!policy.ipAllowlist().allows(command.clientIp())) {
      return new Verification(VerifyOutcome.API_KEY_IP_NOT_ALLOWED, Optional.of(key));
    }
    Optional<RateLimitStatus> closest = Optional.empty();
    List<Window> windows = windows(key);
    if (!windows.isEmpty()) {
      List<Count> counts = rateLimiter.hit(windows, now);
      for (Count count : counts) {
        if (count.exceeded()) {
          return new Verification(
              VerifyOutcome.API_KEY_RATE_LIMITED,
              Optional.of(key),
              Optional.of(status(count)),
              Optional.empty());
        }
        if (closest.isEmpty() || count.remaining() < closest.get().remaining()) {
          closest = Optional.of(status(count));
        }
      }
    }
    Optional<Credits> metered = policy.credits();
    if (metered.isEmpty()) {
      return new Verification(
          VerifyOutcome.API_KEY_VERIFIED, Optional.of(key), closest, Optional.empty());
    }
    CreditLedger.Spend spend = credits.spend(key.id(), command.cost(), metered.get().refill(), now);
    return new Verification(
        spend.granted() ? VerifyOutcome.API_KEY_VERIFIED : VerifyOutcome.API_KEY_USAGE_EXCEEDED,
        Optional.of(key),
        closest,
        Optional.of(spend.remaining()));
  }

  /** The key's own windows, then those it shares with its owner's other keys. */
  private static List<Window> windows(ApiKey key) {
    List<Window> windows = new ArrayList<>();
    for (RateLimit limit : key.policy().rateLimits()) {
      windows.add(new Window(subject(key), limit));
    }
    for (RateLimit limit : key.ownerLimits()) {
      windows.add(new Window(subject(key.owner()), limit));
    }
    return windows;
  }

  /** Whose uses a key's own limits count: the key's. */
  static String subject(ApiKey key) {
    return "key:" + key.id().value();
  }

  /** Whose uses an owner's shared limits count, such as {@code organization:org_acme}. */
  static String subject(Owner owner) {
    return owner.type().name().toLowerCase(java.util.Locale.ROOT) + ":" + owner.id();
  }

  private static RateLimitStatus status(Count count) {
    RateLimit limit = count.window().limit();
    return new RateLimitStatus(limit.name(), limit.limit(), count.remaining(), count.resetsAt());
  }
}
