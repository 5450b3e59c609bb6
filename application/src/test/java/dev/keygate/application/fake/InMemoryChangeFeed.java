package dev.keygate.application.fake;

import dev.keygate.application.port.out.ChangeFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ChangeFeed} in a list, appended to by the in-memory repositories as they change what a
 * verification depends on; a unit that throws takes its changes back, and their numbers with them.
 */
public final class InMemoryChangeFeed implements ChangeFeed {

  private record Entry(Change change, Instant on) {}

  private final List<Entry> entries = new ArrayList<>();
  private long latest;

  /** Notes a change, as the storage does in the unit that makes it. */
  public synchronized void append(Kind kind, String subject) {
    Change change = new Change(++latest, kind, subject);
    entries.add(new Entry(change, Instant.now()));
    InMemoryUnitOfWork.willUndo(
        () -> {
          synchronized (this) {
            entries.removeIf(entry -> entry.change().equals(change));
            latest--;
          }
        });
    notifyAll();
  }

  @Override
  public synchronized long latest() {
    return latest;
  }

  @Override
  public synchronized List<Change> after(long number, int limit) {
    return entries.stream()
        .map(Entry::change)
        .filter(change -> change.number() > number)
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void awaitChange(Duration timeout) throws InterruptedException {
    wait(Math.max(1, timeout.toMillis()));
  }

  @Override
  public synchronized void prune(Instant before) {
    entries.removeIf(entry -> entry.on().isBefore(before));
  }

  /** Starts the numbers over from 0, as a database restored from a backup taken long ago. */
  public synchronized void startOver() {
    entries.clear();
    latest = 0;
  }

  /** Loses change {@code number} alone. */
  public synchronized void prune(long number) {
    entries.removeIf(entry -> entry.change().number() == number);
  }

  /** Prunes every change so far, as a feed pruned past a node that slept. */
  public synchronized void pruneAll() {
    entries.clear();
  }
}
