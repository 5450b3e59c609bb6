package dev.keygate.application.fake;

import dev.keygate.application.port.out.RateLimiter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link RateLimiter} in a map: one window per subject and limit name, as the stores keep it. */
public final class InMemoryRateLimiter implements RateLimiter {

  private record Stored(Instant start, long used) {}

  private final Map<String, Stored> windows = new HashMap<>();

  @Override
  public synchronized List<Count> hit(List<Window> requested, Instant now) {
    List<Count> counts = new ArrayList<>();
    for (Window window : requested) {
      Instant start = window.limit().windowStart(now);
      Stored stored =
          windows.merge(
              window.subject() + "/" + window.limit().name(),
              new Stored(start, 1),
              (old, fresh) ->
                  old.start().equals(fresh.start())
                      ? new Stored(old.start(), old.used() + 1)
                      : old.start().isAfter(fresh.start())
                          ? new Stored(old.start(), old.used() + 1)
                          : fresh);
      counts.add(new Count(window, stored.used(), stored.start().plus(window.limit().duration())));
    }
    return counts;
  }
}
