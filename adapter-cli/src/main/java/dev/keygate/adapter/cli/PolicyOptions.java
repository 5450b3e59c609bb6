package dev.keygate.adapter.cli;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.IpRange;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import dev.keygate.domain.policy.UsagePolicy;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --rate-limit}, {@code --credits}, {@code --refill}, {@code --refill-mode} and {@code
 * --ip}: a key's usage policy, shared by {@code keys create} and {@code keys update}.
 */
final class PolicyOptions {

  @Option(
      names = "--rate-limit",
      paramLabel = "NAME=LIMIT/DURATION",
      converter = PolicyConverters.RateLimitConverter.class,
      description =
          "at most LIMIT verifications per DURATION (1s, 90s, 1m, 1h, 1d), such as burst=100/1s;"
              + " repeatable, up to ten")
  List<RateLimit> rateLimits = List.of();

  @Option(
      names = "--credits",
      paramLabel = "N",
      description =
          "meter the key: N verifications left, each spending its cost, then"
              + " API_KEY_USAGE_EXCEEDED")
  Long credits;

  @Option(
      names = "--refill",
      paramLabel = "AMOUNT/INTERVAL",
      converter = PolicyConverters.RefillConverter.class,
      description =
          "give credits back at midnight UTC: AMOUNT/daily, AMOUNT/monthly (the 1st),"
              + " AMOUNT/monthly@DAY, or every ISO-8601 period, such as 100/P7D")
  Refill refill;

  @Option(
      names = "--refill-mode",
      paramLabel = "MODE",
      converter = PolicyConverters.RefillModeConverter.class,
      completionCandidates = PolicyConverters.RefillModeNames.class,
      description = "set (default): a refill makes the credits AMOUNT; add: it adds AMOUNT")
  RefillMode refillMode;

  @Option(
      names = "--ip",
      paramLabel = "CIDR",
      converter = PolicyConverters.IpRangeConverter.class,
      description =
          "an address or CIDR range, IPv4 or IPv6, the key may be used from, such as"
              + " 203.0.113.0/24; repeatable (default: anywhere)")
  List<IpRange> ipRanges = List.of();

  /** The policy of a new key: whatever is not given is not restricted. */
  UsagePolicy policy(CommandSpec spec) {
    try {
      return new UsagePolicy(
          rateLimits(spec).orElse(List.of()),
          credits(spec),
          allowlist(spec).orElse(IpAllowlist.ANYWHERE));
    } catch (ValidationException wrong) {
      throw new ParameterException(spec.commandLine(), wrong.getMessage());
    }
  }

  /** The limits given, at most ten and each name once; empty when none are. */
  Optional<List<RateLimit>> rateLimits(CommandSpec spec) {
    if (rateLimits.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(UsagePolicy.checkedLimits(rateLimits));
    } catch (ValidationException wrong) {
      throw new ParameterException(spec.commandLine(), "--rate-limit: " + wrong.getMessage());
    }
  }

  /** The credits given, with their refill; empty when {@code --credits} is not. */
  Optional<Credits> credits(CommandSpec spec) {
    if (refillMode != null && refill == null) {
      throw new ParameterException(spec.commandLine(), "--refill-mode needs --refill");
    }
    if (credits == null) {
      if (refill != null) {
        throw new ParameterException(spec.commandLine(), "--refill needs --credits");
      }
      return Optional.empty();
    }
    if (credits < 0 || credits > Credits.MAX_CREDITS) {
      throw new ParameterException(
          spec.commandLine(), "--credits must be 0-" + Credits.MAX_CREDITS + ", was " + credits);
    }
    Optional<Refill> refilled =
        Optional.ofNullable(refill)
            .map(
                given ->
                    new Refill(
                        given.amount(),
                        given.interval(),
                        given.period(),
                        given.day(),
                        refillMode == null ? RefillMode.SET : refillMode));
    return Optional.of(new Credits(credits, refilled));
  }

  /** The networks given; empty when none are. */
  Optional<IpAllowlist> allowlist(CommandSpec spec) {
    if (ipRanges.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new IpAllowlist(ipRanges));
    } catch (ValidationException wrong) {
      throw new ParameterException(spec.commandLine(), "--ip: " + wrong.getMessage());
    }
  }

  /** Whether any policy option was given. */
  boolean anyGiven() {
    return !rateLimits.isEmpty()
        || credits != null
        || refill != null
        || refillMode != null
        || !ipRanges.isEmpty();
  }
}
