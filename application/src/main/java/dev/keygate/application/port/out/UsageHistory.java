package dev.keygate.application.port.out;

import dev.keygate.application.port.query.UsageQuery;
import java.time.Instant;
import java.util.List;

/** The verification counts the usage recorder wrote, read back per hour or per day. */
public interface UsageHistory {

  /**
   * One count.
   *
   * @param start where its hour or day begins, in UTC
   * @param outcome the verifications' code, such as {@code API_KEY_VERIFIED}
   */
  record Count(Instant start, String outcome, long count) {}

  /** The counts of the query's subject in its range, summed over the subject's keys. */
  List<Count> counts(UsageQuery query);
}
