package dev.keygate.wire;

import dev.keygate.application.port.in.UsageReport;
import dev.keygate.application.port.in.Verification;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON of usage policies, shared owner limits and usage counts: Keygate's extensions, not
 * Kinde's. A policy reads back in the shape a request writes it.
 */
public final class PolicyResponses {

  private PolicyResponses() {}

  /** {@code {name, limit, duration_seconds}}: at most {@code limit} uses per window. */
  public record RateLimitView(String name, long limit, long durationSeconds) {}

  /**
   * A refill.
   *
   * @param interval {@code daily}, {@code monthly}, or an ISO-8601 duration such as {@code P7D}
   * @param day the day of the month of a monthly refill; absent for the others
   * @param mode {@code set} or {@code add}
   */
  public record RefillView(long amount, String interval, Optional<Integer> day, String mode) {}

  /** A metered key's credits: what was left when it was read, and how they are refilled. */
  public record CreditsView(long remaining, Optional<RefillView> refill) {}

  /**
   * How the rate limit closest to refusing stands after a verification, or the one that refused it.
   */
  public record RateLimitStatusView(String name, long limit, long remaining, Instant reset) {}

  /** The limits an owner's keys share. */
  public record RateLimitsAnswer(String code, String message, List<RateLimitView> rateLimits) {}

  /**
   * One hour or day of verifications.
   *
   * @param counts verifications by outcome code; empty when there were none
   */
  public record UsageBucket(Instant start, Map<String, Long> counts) {}

  /**
   * Verification counts over a period.
   *
   * @param period {@code 24h} or {@code 30d}
   * @param granularity {@code hour} or {@code day}
   */
  public record UsageAnswer(
      String code, String message, String period, String granularity, List<UsageBucket> buckets) {}

  public static List<RateLimitView> rateLimits(List<RateLimit> limits) {
    return limits.stream()
        .map(limit -> new RateLimitView(limit.name(), limit.limit(), limit.duration().toSeconds()))
        .toList();
  }

  public static CreditsView credits(Credits credits) {
    return new CreditsView(credits.remaining(), credits.refill().map(PolicyResponses::refill));
  }

  public static RefillView refill(Refill refill) {
    return new RefillView(
        refill.amount(),
        WireNames.interval(refill),
        refill.interval() == Refill.Interval.MONTHLY ? Optional.of(refill.day()) : Optional.empty(),
        WireNames.of(refill.mode()));
  }

  public static RateLimitStatusView rateLimitStatus(Verification.RateLimitStatus status) {
    return new RateLimitStatusView(
        status.name(), status.limit(), status.remaining(), status.reset());
  }

  /** An owner's shared limits, read or set. */
  public static RateLimitsAnswer rateLimitsAnswer(List<RateLimit> limits) {
    return new RateLimitsAnswer("OK", "Success", rateLimits(limits));
  }

  public static UsageAnswer usage(UsageReport report) {
    return new UsageAnswer(
        "OK",
        "Success",
        WireNames.of(report.period()),
        WireNames.of(report.period().granularity()),
        report.buckets().stream()
            // Sorted, so the same counts always read the same.
            .map(bucket -> new UsageBucket(bucket.start(), new TreeMap<>(bucket.counts())))
            .toList());
  }
}
