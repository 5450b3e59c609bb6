package dev.keygate.application.port.out;

import dev.keygate.domain.policy.RateLimit;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Counts verifications in the fixed windows of rate limits. Every use counts, refused or not, so a
 * window once over its limit stays over it until it ends. Exact across every node sharing the
 * store, or within this process, as the implementation says.
 */
public interface RateLimiter {

  /**
   * A limit applied to one subject.
   *
   * @param subject whose uses are counted: a key as {@code key:<id>}, or an owner's shared limits
   *     as {@code org:<code>} or {@code user:<id>}
   */
  record Window(String subject, RateLimit limit) {
    public Window {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(limit, "limit");
    }
  }

  /**
   * How a window stands after a use.
   *
   * @param used the uses counted in the window, this one included
   * @param resetsAt when the window ends
   */
  record Count(Window window, long used, Instant resetsAt) {

    /** Whether this use was beyond the limit. */
    public boolean exceeded() {
      return used > window.limit().limit();
    }

    /** The uses the window allows after this one. */
    public long remaining() {
      return Math.max(0, window.limit().limit() - used);
    }
  }

  /**
   * Counts one use at {@code now} in each window, all at once, and says how each stands, in the
   * order given.
   */
  List<Count> hit(List<Window> windows, Instant now);
}
