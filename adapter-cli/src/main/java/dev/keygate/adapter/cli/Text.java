package dev.keygate.adapter.cli;

import dev.keygate.domain.key.ApiKey;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.owner.Owner;
import dev.keygate.wire.WireNames;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
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
}
