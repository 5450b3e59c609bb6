package dev.keygate.adapter.cli;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.HOURS;
import static java.time.temporal.ChronoUnit.MINUTES;
import static java.time.temporal.ChronoUnit.SECONDS;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people write them: a whole number and a unit, {@code s}, {@code m}, {@code h}
 * or {@code d} ({@code 30s}, {@code 15m}, {@code 1h}, {@code 90d}). A bad value is a usage error
 * naming the option.
 */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");
  private static final Map<String, ChronoUnit> UNITS =
      Map.of("s", SECONDS, "m", MINUTES, "h", HOURS, "d", DAYS);

  @Override
  public Duration convert(String value) {
    Matcher matcher = DURATION.matcher(value.strip());
    if (!matcher.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration such as 30s, 15m, 1h or 90d");
    }
    return Duration.of(Long.parseLong(matcher.group(1)), UNITS.get(matcher.group(2)));
  }
}
