package dev.keygate.adapter.cli;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.IpAllowlist;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import dev.keygate.wire.WireNames;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** How values read in tables: short, and the same everywhere. */
final class Text {

  /** What a table shows for a value that is not there. */
  static final String NONE = "-";

  private Text() {}

  /** ISO-8601 in UTC, to the second: {@code 2025-06-01T09:30:00Z}. */
  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** The time, or {@code absent} when there is none. */
  static String time(Optional<Instant> instant, String absent) {
    return instant.map(Text::time).orElse(absent);
  }

  /** {@code organization org_acme}, {@code user kp_alice} or {@code environment}. */
  static String owner(Owner owner) {
    if (owner instanceof Owner.Environment) {
      return WireNames.of(owner.type());
    }
    return WireNames.of(owner.type()) + " " + owner.id();
  }

  /** What people see of a key: {@code k_live_AbC123…wxyz}. */
  static String key(ApiKey key) {
    KeySecret current = key.currentSecret();
    return current.displayPrefix() + "…" + current.suffix();
  }

  /** Sorted and comma-separated, or {@value #NONE}. */
  static String list(Collection<String> values) {
    return values.isEmpty() ? NONE : values.stream().sorted().collect(Collectors.joining(", "));
  }

  /** As {@link #list}, or only how many there are when that would be long: {@code 18 scopes}. */
  static String shortList(Collection<String> values, String what) {
    String all = list(values);
    return all.length() <= 40 ? all : values.size() + " " + what;
  }

  static String orNone(Optional<String> value) {
    return value.filter(v -> !v.isEmpty()).orElse(NONE);
  }

  /** {@code burst 100/1s, daily 10000/1d}, or {@value #NONE}. */
  static String rateLimits(List<RateLimit> limits) {
    return limits.isEmpty()
        ? NONE
        : limits.stream().map(Text::rateLimit).collect(Collectors.joining(", "));
  }

  /** {@code burst 100/1s}: as {@code --rate-limit burst=100/1s} gives it. */
  static String rateLimit(RateLimit limit) {
    return limit.name() + " " + limit.limit() + "/" + per(limit.duration());
  }

  /** A window in the largest unit that measures it whole: {@code 1s}, {@code 90s}, {@code 1d}. */
  static String per(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  /** {@code 250 left; refilled to 100 daily}, or {@code unmetered}. */
  static String credits(Optional<Credits> credits) {
    return credits
        .map(
            metered ->
                metered.remaining()
                    + " left"
                    + metered.refill().map(refill -> "; " + refill(refill)).orElse(""))
        .orElse("unmetered");
  }

  /** {@code refilled to 100 daily}, {@code 100 added monthly on day 15}, {@code ... every P7D}. */
  static String refill(Refill refill) {
    String what =
        refill.mode() == RefillMode.SET
            ? "refilled to " + refill.amount()
            : refill.amount() + " added";
    String when =
        switch (refill.interval()) {
          case DAILY -> "daily";
          case MONTHLY -> "monthly on day " + refill.day();
          case PERIODIC -> "every " + WireNames.interval(refill);
        };
    return what + " " + when;
  }

  /** The networks in CIDR notation, or {@code anywhere}. */
  static String allowlist(IpAllowlist allowlist) {
    return allowlist.isRestricted() ? String.join(", ", allowlist.texts()) : "anywhere";
  }
}
