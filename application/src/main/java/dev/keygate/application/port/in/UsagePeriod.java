package dev.keygate.application.port.in;

import dev.keygate.application.port.query.UsageQuery.Granularity;
import java.time.Duration;

/** The spans usage is shown for: the last 24 hours by hour, and the last 30 days by day. */
public enum UsagePeriod {
  LAST_24_HOURS(Granularity.HOUR, 24),
  LAST_30_DAYS(Granularity.DAY, 30);

  private final Granularity granularity;
  private final int buckets;

  UsagePeriod(Granularity granularity, int buckets) {
    this.granularity = granularity;
    this.buckets = buckets;
  }

  public Granularity granularity() {
    return granularity;
  }

  /** How many buckets the span has, the current one included. */
  public int buckets() {
    return buckets;
  }

  /** How long one bucket is. */
  public Duration bucket() {
    return granularity == Granularity.HOUR ? Duration.ofHours(1) : Duration.ofDays(1);
  }
}
