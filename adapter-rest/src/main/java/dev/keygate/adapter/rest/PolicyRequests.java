package dev.keygate.adapter.rest;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.IpRange;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import dev.keygate.domain.policy.UsagePolicy;
import dev.keygate.wire.WireNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the usage policy of a request into the domain's, refusing what is wrong with a message that
 * names the field by its path, such as {@code rate_limits[0].limit} or {@code
 * credits.refill.interval}.
 */
final class PolicyRequests {

  private PolicyRequests() {}

  /** The policy a new key is used under: whatever the request leaves out is not restricted. */
  static UsagePolicy policy(
      List<RateLimitRequest> rateLimits, CreditsRequest credits, List<String> ipAllowlist) {
    return new UsagePolicy(
        rateLimits == null ? List.of() : rateLimits("rate_limits", rateLimits),
        Optional.ofNullable(credits).map(given -> credits("credits", given)),
        ipAllowlist == null ? IpAllowlist.ANYWHERE : ipAllowlist("ip_allowlist", ipAllowlist));
  }

  /** The limits {@code field} lists: at most ten, each name once. */
  static List<RateLimit> rateLimits(String field, List<RateLimitRequest> requests) {
    List<RateLimit> limits = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      limits.add(rateLimit(field + "[" + i + "]", requests.get(i)));
    }
    try {
      return UsagePolicy.checkedLimits(limits);
    } catch (ValidationException tooManyOrTwice) {
      throw new ValidationException(field + ": " + tooManyOrTwice.getMessage());
    }
  }

  private static RateLimit rateLimit(String field, RateLimitRequest request) {
    if (request == null) {
      throw new ValidationException(field + " must not be null");
    }
    if (request.limit() < 1 || request.limit() > RateLimit.MAX_LIMIT) {
      throw new ValidationException(
          field + ".limit must be 1-" + RateLimit.MAX_LIMIT + ", was " + request.limit());
    }
    long maxSeconds = RateLimit.MAX_DURATION.toSeconds();
    if (request.durationSeconds() < 1 || request.durationSeconds() > maxSeconds) {
      throw new ValidationException(
          field
              + ".duration_seconds must be 1-"
              + maxSeconds
              + " (366 days), was "
              + request.durationSeconds());
    }
    try {
      return RateLimit.of(request.name(), request.limit(), request.durationSeconds());
    } catch (ValidationException badName) {
      // Limit and duration are checked above: only the name is left to be wrong.
      throw new ValidationException(
          field + ".name must be 1-64 letters, digits or the characters _ . : -");
    }
  }

  /** The credits {@code field} gives. */
  static Credits credits(String field, CreditsRequest request) {
    if (request.remaining() < 0 || request.remaining() > Credits.MAX_CREDITS) {
      throw new ValidationException(
          field + ".remaining must be 0-" + Credits.MAX_CREDITS + ", was " + request.remaining());
    }
    return new Credits(
        request.remaining(),
        Optional.ofNullable(request.refill()).map(refill -> refill(field + ".refill", refill)));
  }

  private static Refill refill(String field, RefillRequest request) {
    if (request.amount() < 1 || request.amount() > Credits.MAX_CREDITS) {
      throw new ValidationException(
          field + ".amount must be 1-" + Credits.MAX_CREDITS + ", was " + request.amount());
    }
    RefillMode mode =
        request.mode() == null
            ? RefillMode.SET
            : WireNames.refillMode(field + ".mode", request.mode());
    return WireNames.refill(
        field + ".interval",
        request.interval(),
        request.amount(),
        field + ".day",
        request.day(),
        mode);
  }

  /** The networks {@code field} lists, in CIDR notation or as single addresses. */
  static IpAllowlist ipAllowlist(String field, List<String> texts) {
    List<IpRange> ranges = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null) {
        throw new ValidationException(field + "[" + i + "] must not be null");
      }
      try {
        ranges.add(IpRange.parse(text));
      } catch (ValidationException notARange) {
        // The domain's message repeats the text; the caller knows it, a log need not.
        throw new ValidationException(
            field
                + "["
                + i
                + "] must be an IPv4 or IPv6 address or CIDR range, such as 203.0.113.0/24 or"
                + " 2001:db8::/32");
      }
    }
    try {
      return new IpAllowlist(ranges);
    } catch (ValidationException tooMany) {
      throw new ValidationException(field + ": " + tooMany.getMessage());
    }
  }
}
