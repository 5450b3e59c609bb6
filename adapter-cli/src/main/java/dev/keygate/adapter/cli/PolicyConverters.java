package dev.keygate.adapter.cli;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.policy.IpRange;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import dev.keygate.wire.WireNames;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the parts of a usage policy as people write them on the command line: {@code burst=100/1s},
 * {@code 100/monthly@15}, {@code set}, {@code 203.0.113.0/24}. A bad value is a usage error naming
 * the option and saying what was expected.
 */
final class PolicyConverters {

  private PolicyConverters() {}

  /** {@code NAME=LIMIT/DURATION}, such as {@code burst=100/1s} or {@code daily=10000/1d}. */
  static final class RateLimitConverter implements ITypeConverter<RateLimit> {

    private static final Pattern RATE_LIMIT = Pattern.compile("([^=]+)=(\\d{1,10})/(.+)");

    @Override
    public RateLimit convert(String value) {
      Matcher matcher = RATE_LIMIT.matcher(value.strip());
      if (!matcher.matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a rate limit such as burst=100/1s or daily=10000/1d");
      }
      Duration per = new DurationConverter().convert(matcher.group(3));
      try {
        return new RateLimit(matcher.group(1), Long.parseLong(matcher.group(2)), per);
      } catch (ValidationException wrong) {
        throw new TypeConversionException(wrong.getMessage());
      }
    }
  }

  /**
   * {@code AMOUNT/INTERVAL}: {@code 100/daily}, {@code 100/monthly} (on the 1st), {@code
   * 100/monthly@15}, or an ISO-8601 period such as {@code 100/P7D}; refilling sets the credits
   * until {@code --refill-mode} says otherwise.
   */
  static final class RefillConverter implements ITypeConverter<Refill> {

    private static final Pattern REFILL = Pattern.compile("(\\d{1,13})/([^@]+)(?:@(\\d{1,2}))?");

    @Override
    public Refill convert(String value) {
      Matcher matcher = REFILL.matcher(value.strip());
      if (!matcher.matches()) {
        throw new TypeConversionException(
            "'" + value + "' is not a refill such as 100/daily, 100/monthly@15 or 100/P7D");
      }
      try {
        return WireNames.refill(
            "the interval",
            matcher.group(2),
            Long.parseLong(matcher.group(1)),
            "@DAY",
            matcher.group(3) == null ? null : Integer.valueOf(matcher.group(3)),
            RefillMode.SET);
      } catch (ValidationException wrong) {
        throw new TypeConversionException("'" + value + "': " + wrong.getMessage());
      }
    }
  }

  /** {@code set} or {@code add}. */
  static final class RefillModeConverter implements ITypeConverter<RefillMode> {
    @Override
    public RefillMode convert(String value) {
      try {
        return WireNames.refillMode("--refill-mode", value);
      } catch (ValidationException wrong) {
        throw new TypeConversionException("'" + value + "' is not one of set, add");
      }
    }
  }

  /** What shell completion offers for {@code --refill-mode}. */
  static final class RefillModeNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("set", "add").iterator();
    }
  }

  /** An IPv4 or IPv6 address or CIDR range. */
  static final class IpRangeConverter implements ITypeConverter<IpRange> {
    @Override
    public IpRange convert(String value) {
      try {
        return IpRange.parse(value);
      } catch (ValidationException wrong) {
        throw new TypeConversionException(wrong.getMessage());
      }
    }
  }

  /** {@code 24h} or {@code 30d}. */
  static final class UsagePeriodConverter
      implements ITypeConverter<dev.keygate.application.port.in.UsagePeriod> {
    @Override
    public dev.keygate.application.port.in.UsagePeriod convert(String value) {
      try {
        return WireNames.usagePeriod("--period", value);
      } catch (ValidationException wrong) {
        throw new TypeConversionException("'" + value + "' is not one of 24h, 30d");
      }
    }
  }

  /** What shell completion offers for {@code --period}. */
  static final class UsagePeriodNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("24h", "30d").iterator();
    }
  }
}
