package dev.keygate.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Verification counts by outcome over a period, one bucket per hour or day, oldest first, the
 * current one last; a bucket without verifications is there with no counts.
 */
public record UsageReport(UsagePeriod period, List<Bucket> buckets) {

  /**
   * @param start where the hour or day begins, in UTC
   * @param counts the verifications by outcome code, such as {@code API_KEY_VERIFIED}
   */
  public record Bucket(Instant start, Map<String, Long> counts) {
    public Bucket {
      counts = Map.copyOf(counts);
    }
  }

  public UsageReport {
    buckets = List.copyOf(buckets);
  }
}
