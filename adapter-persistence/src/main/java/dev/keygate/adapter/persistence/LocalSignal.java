package dev.keygate.adapter.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the followers of one database in this process, at once, that a change to it committed: the
 * H2 counterpart of PostgreSQL's {@code NOTIFY} within one JVM, which may hold several nodes on one
 * database. One per database URL, for as long as the process lives.
 */
final class LocalSignal {

  private static final Map<String, LocalSignal> BY_DATABASE = new ConcurrentHashMap<>();

  private long raised;

  private LocalSignal() {}

  /** The signal of the database at {@code url}. */
  static LocalSignal of(String url) {
    return BY_DATABASE.computeIfAbsent(url, any -> new LocalSignal());
  }

  synchronized void raise() {
    raised++;
    notifyAll();
  }

  /**
   * Waits until the signal is raised beyond {@code seen}, or {@code timeout} passed.
   *
   * @return how often it was raised, for the next wait
   */
  synchronized long await(long seen, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (long left = timeout.toNanos(); raised == seen && left > 0; ) {
      wait(Math.max(1, left / 1_000_000));
      left = deadline - System.nanoTime();
    }
    return raised;
  }
}
