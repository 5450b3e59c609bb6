package dev.keygate.adapter.persistence;

import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The parts of a usage policy as the compact text kept in one column each, null for none: rate
 * limits as {@code burst=100/1,daily=10000/86400} (name, limit, seconds; a name never holds {@code
 * =}, {@code /} or {@code ,}), an allowlist as its CIDR ranges joined by commas, and a refill as
 * {@code SET 100 DAILY}, {@code ADD 50 MONTHLY 31} or {@code SET 10 PERIODIC 43200} (mode, amount,
 * interval, then the day or the period in seconds).
 */
final class PolicyText {

  private PolicyText() {}

  static String limits(List<RateLimit> limits) {
    if (limits.isEmpty()) {
      return null;
    }
    return limits.stream()
        .map(limit -> limit.name() + "=" + limit.limit() + "/" + limit.duration().toSeconds())
        .collect(Collectors.joining(","));
  }

  static List<RateLimit> limits(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<RateLimit> limits = new ArrayList<>();
    for (String one : text.split(",")) {
      int equals = one.lastIndexOf('=');
      int slash = one.lastIndexOf('/');
      if (equals < 1 || slash < equals) {
        throw new IllegalStateException("stored rate limit is not name=limit/seconds: " + one);
      }
      limits.add(
          RateLimit.of(
              one.substring(0, equals),
              Long.parseLong(one.substring(equals + 1, slash)),
              Long.parseLong(one.substring(slash + 1))));
    }
    return List.copyOf(limits);
  }

  static String allowlist(IpAllowlist allowlist) {
    return allowlist.isRestricted() ? String.join(",", allowlist.texts()) : null;
  }

  static IpAllowlist allowlist(String text) {
    if (text == null || text.isEmpty()) {
      return IpAllowlist.ANYWHERE;
    }
    return IpAllowlist.parse(Arrays.asList(text.split(",")));
  }

  static String refill(Optional<Refill> refill) {
    if (refill.isEmpty()) {
      return null;
    }
    Refill r = refill.get();
    String head = r.mode().name() + " " + r.amount() + " " + r.interval().name();
    return switch (r.interval()) {
      case DAILY -> head;
      case MONTHLY -> head + " " + r.day();
      case PERIODIC -> head + " " + r.period().orElseThrow().toSeconds();
    };
  }

  static Optional<Refill> refill(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = text.split(" ");
    if (parts.length < 3) {
      throw new IllegalStateException("stored refill is not mode amount interval: " + text);
    }
    RefillMode mode = RefillMode.valueOf(parts[0]);
    long amount = Long.parseLong(parts[1]);
    Refill.Interval interval = Refill.Interval.valueOf(parts[2]);
    return Optional.of(
        switch (interval) {
          case DAILY -> Refill.daily(amount, mode);
          case MONTHLY -> Refill.monthly(amount, Integer.parseInt(parts[3]), mode);
          case PERIODIC -> Refill.every(Duration.ofSeconds(Long.parseLong(parts[3])), amount, mode);
        });
  }
}
