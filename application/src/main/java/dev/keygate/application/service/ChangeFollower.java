package dev.keygate.application.service;

import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.ChangeFeed.Change;
import dev.keygate.application.port.out.KeyStateCache;
import dev.keygate.domain.key.ApiKeyId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One node following the change feed: it reads what committed since it last looked and makes the
 * caches forget exactly that, so a remembered key may be used without reading the database. A
 * catch-up confirms the node current as of the moment it began, since every change committed before
 * then was read; {@link #isCurrent()} says whether that was within the bound. At the first
 * catch-up, whenever a number is missing (the feed was pruned past this node), and when the feed
 * starts over below this node (a restored database), everything remembered is forgotten.
 */
public final class ChangeFollower {

  /** How many changes one read of the feed takes at most. */
  static final int BATCH = 500;

  /** How long changes stay in the feed: far beyond any pause a running node could survive. */
  static final Duration RETENTION = Duration.ofHours(1);

  /** How often a follower prunes the feed. */
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

  private final ChangeFeed feed;
  private final KeyStateCache keyStates;
  private final long boundNanos;
  private final Clock clock;

  private final Object catchingUp = new Object();
  private long cursor = -1;

  private volatile boolean confirmed;
  private volatile long confirmedAt;
  private final AtomicLong forgettings = new AtomicLong();

  ChangeFollower(ChangeFeed feed, KeyStateCache keyStates, Duration bound, Clock clock) {
    this.feed = feed;
    this.keyStates = keyStates;
    this.boundNanos = bound.toNanos();
    this.clock = clock;
  }

  /**
   * Reads the feed up to its latest change and forgets what changed.
   *
   * @throws RuntimeException when the feed cannot be read; the node is then not confirmed anew
   */
  public void catchUp() {
    synchronized (catchingUp) {
      long began = System.nanoTime();
      long latest = feed.latest();
      if (cursor < 0 || latest < cursor) {
        // Whatever was remembered before may predate a change this node will never read: before
        // the first look, or when the feed starts over below this node (a restored database).
        forgetEverything();
        cursor = latest;
      }
      while (cursor < latest) {
        List<Change> changes = feed.after(cursor, BATCH);
        if (!follows(changes, cursor)) {
          forgetEverything();
          cursor = latest;
          break;
        }
        forget(changes);
        cursor = changes.get(changes.size() - 1).number();
      }
      confirmedAt = began;
      confirmed = true;
    }
  }

  /**
   * Follows the feed until the thread is interrupted: catches up, then waits for a change or {@code
   * poll}, whichever comes first. While the feed cannot be read the next try comes a poll later,
   * and the node falls behind its bound and verifies strictly.
   *
   * @param fellBehind told of the first failure after the feed was read
   * @param caughtUp told when the feed is read again after a failure
   */
  public void follow(Duration poll, Consumer<RuntimeException> fellBehind, Runnable caughtUp) {
    boolean failing = false;
    long lastPrune = System.nanoTime();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        catchUp();
        if (failing) {
          failing = false;
          caughtUp.run();
        }
        if (System.nanoTime() - lastPrune > PRUNE_EVERY.toNanos()) {
          lastPrune = System.nanoTime();
          prune();
        }
        feed.awaitChange(poll);
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException failed) {
        if (!failing) {
          failing = true;
          fellBehind.accept(failed);
        }
        try {
          Thread.sleep(poll.toMillis());
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Prunes what every node has had an hour to read; a failure waits for the next time. */
  private void prune() {
    try {
      feed.prune(clock.instant().minus(RETENTION));
    } catch (RuntimeException notNow) {
      // Pruning is housekeeping: the feed is read all the same.
    }
  }

  /**
   * Whether this node read every change committed until at most the bound ago, by the monotonic
   * clock: no setting of the wall clock makes a node trust what it remembers for longer.
   */
  public boolean isCurrent() {
    return confirmed && System.nanoTime() - confirmedAt <= boundNanos;
  }

  /** The number of the last change this node has read; -1 before its first catch-up. */
  public long position() {
    synchronized (catchingUp) {
      return cursor;
    }
  }

  /**
   * A mark to take before reading a key from the database: a key read after it may be remembered
   * only while {@link #forgotSince} says nothing was forgotten meanwhile.
   */
  long mark() {
    return forgettings.get();
  }

  /** Whether anything was forgotten since {@code mark} was taken. */
  boolean forgotSince(long mark) {
    return forgettings.get() != mark;
  }

  /**
   * Forgets a key this node changed itself, counted as the feed's forgettings are: a verification
   * that read the key before the change does not remember what it read.
   */
  void forget(ApiKeyId id) {
    forgettings.incrementAndGet();
    keyStates.forget(id);
  }

  /** Whether {@code changes} go on from {@code cursor} without a number missing. */
  private static boolean follows(List<Change> changes, long cursor) {
    long expected = cursor + 1;
    for (Change change : changes) {
      if (change.number() != expected) {
        return false;
      }
      expected++;
    }
    return !changes.isEmpty();
  }

  private void forget(List<Change> changes) {
    // Counted first: a key read before this and remembered after it is forgotten by its reader.
    forgettings.incrementAndGet();
    for (Change change : changes) {
      if (change.kind() == ChangeFeed.Kind.API_KEY && ApiKeyId.isWellFormed(change.subject())) {
        keyStates.forget(new ApiKeyId(change.subject()));
      }
      // Applications, signing keys and grants are read afresh where they are used, and a proven
      // token stays proven (the key's state says whether its secret still opens): nothing else
      // remembered can be out of date.
    }
  }

  /**
   * Forgets every key, after this node changed something that many keys are read with (an owner's
   * shared limits), counted as the feed's forgettings are.
   */
  void forgetAll() {
    forgetEverything();
  }

  private void forgetEverything() {
    forgettings.incrementAndGet();
    keyStates.forgetAll();
  }
}
