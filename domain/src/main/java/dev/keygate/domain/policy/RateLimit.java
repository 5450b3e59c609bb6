package dev.keygate.domain.policy;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * At most {@code limit} verifications per {@code duration}, counted in fixed windows aligned to the
 * epoch: the window of an instant starts at the largest multiple of the duration not after it.
 *
 * @param name what the limit is called, such as {@code burst}; unique among the limits of a key or
 *     an owner
 */
public record RateLimit(String name, long limit, Duration duration) {

  public static final long MAX_LIMIT = 1_000_000_000L;
  public static final Duration MAX_DURATION = Duration.ofDays(366);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  public RateLimit {
    Checks.required("rate limit name", name);
    if (!NAME.matcher(name).matches()) {
      throw new ValidationException(
          "rate limit name must be 1-64 letters, digits or _.:-, was \"" + shown(name) + "\"");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException(
          "rate limit " + name + ": limit must be 1-" + MAX_LIMIT + ", was " + limit);
    }
    Checks.required("rate limit duration", duration);
    if (duration.getNano() != 0
        || duration.toSeconds() < 1
        || duration.compareTo(MAX_DURATION) > 0) {
      throw new ValidationException(
          "rate limit "
              + name
              + ": duration must be 1-"
              + MAX_DURATION.toSeconds()
              + " whole seconds, was "
              + duration);
    }
  }

  /** The limit of {@code limit} per {@code seconds} seconds. */
  public static RateLimit of(String name, long limit, long seconds) {
    return new RateLimit(name, limit, Duration.ofSeconds(seconds));
  }

  /** Where the window holding {@code now} starts. */
  public Instant windowStart(Instant now) {
    long seconds = duration.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
  }

  /** Where the window holding {@code now} ends, and the next begins. */
  public Instant windowEnd(Instant now) {
    return windowStart(now).plus(duration);
  }

  /**
   * Whether this limit allows at most what {@code other} allows: no more uses in the same window. A
   * window of another length is no tightening: its windows start elsewhere, and the uses counted in
   * the present one would be forgotten.
   */
  public boolean isWithin(RateLimit other) {
    return limit <= other.limit && duration.equals(other.duration);
  }

  private static String shown(String name) {
    return name.length() > 64 ? name.substring(0, 64) + "…" : name;
  }
}
