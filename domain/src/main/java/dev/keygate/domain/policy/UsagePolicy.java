package dev.keygate.domain.policy;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a key may be used, beyond what it opens: its rate limits, its credits, and where from.
 *
 * @param credits present when the key is metered
 */
public record UsagePolicy(
    List<RateLimit> rateLimits, Optional<Credits> credits, IpAllowlist ipAllowlist) {

  public static final int MAX_RATE_LIMITS = 10;

  /** No limits, no credits, from anywhere. */
  public static final UsagePolicy NONE =
      new UsagePolicy(List.of(), Optional.empty(), IpAllowlist.ANYWHERE);

  public UsagePolicy {
    rateLimits = checkedLimits(rateLimits);
    Checks.required("credits", credits);
    Checks.required("ip allowlist", ipAllowlist);
  }

  /**
   * The limits, at most ten and each name once.
   *
   * @throws ValidationException otherwise
   */
  public static List<RateLimit> checkedLimits(List<RateLimit> limits) {
    List<RateLimit> copy = List.copyOf(Checks.required("rate limits", limits));
    if (copy.size() > MAX_RATE_LIMITS) {
      throw new ValidationException(
          "at most " + MAX_RATE_LIMITS + " rate limits apply, were " + copy.size());
    }
    Set<String> names = new HashSet<>();
    for (RateLimit limit : copy) {
      if (!names.add(limit.name())) {
        throw new ValidationException("rate limit " + limit.name() + " is named twice");
      }
    }
    return copy;
  }

  public UsagePolicy withRateLimits(List<RateLimit> newLimits) {
    return new UsagePolicy(newLimits, credits, ipAllowlist);
  }

  public UsagePolicy withCredits(Optional<Credits> newCredits) {
    return new UsagePolicy(rateLimits, newCredits, ipAllowlist);
  }

  public UsagePolicy withIpAllowlist(IpAllowlist newAllowlist) {
    return new UsagePolicy(rateLimits, credits, newAllowlist);
  }

  /** Whether nothing is restricted: no limit, no credits, any address. */
  public boolean isNone() {
    return rateLimits.isEmpty() && credits.isEmpty() && !ipAllowlist.isRestricted();
  }

  /**
   * Whether this policy allows at most what {@code other} allows: each of the other's limits kept
   * at most as loose (more may be added), credits where it has credits and no more of them, and
   * only addresses it allows.
   */
  public boolean isWithin(UsagePolicy other) {
    return limitsWithin(rateLimits, other.rateLimits)
        && (other.credits.isEmpty()
            || (credits.isPresent() && credits.get().isWithin(other.credits.get())))
        && ipAllowlist.isWithin(other.ipAllowlist);
  }

  /** Whether {@code limits} keep every one of {@code others}, each at most as loose. */
  public static boolean limitsWithin(List<RateLimit> limits, List<RateLimit> others) {
    for (RateLimit other : others) {
      if (limits.stream()
          .noneMatch(limit -> limit.name().equals(other.name()) && limit.isWithin(other))) {
        return false;
      }
    }
    return true;
  }
}
