package dev.keygate.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The changes to what a verification depends on, numbered in the order they committed and without
 * gaps: the storage writes each one in the same transaction as the change itself, so a change that
 * rolled back has no number and change {@code n + 1} committed after change {@code n}. Every node
 * follows it to forget exactly what changed.
 */
public interface ChangeFeed {

  /** What kind of thing changed. */
  enum Kind {
    /** An API key: its status, expiry, secrets or scopes; management keys included. */
    API_KEY,
    /** An M2M application: its secret, scopes, APIs or expiry, or its deletion. */
    APPLICATION,
    /** A key that signs access tokens. */
    SIGNING_KEY,
    /** An organization's or user's grants. */
    OWNER_GRANTS
  }

  /**
   * One committed change.
   *
   * @param number its place in the feed
   * @param subject the id of what changed: a key id, an application id, a signing key id, or an
   *     owner as {@code type:id}
   */
  record Change(long number, Kind kind, String subject) {
    public Change {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(subject, "subject");
    }
  }

  /** The number of the latest committed change; 0 before the first. */
  long latest();

  /**
   * The committed changes numbered above {@code number}, in order, at most {@code limit} of them.
   * When the first one is not {@code number + 1}, those between were pruned.
   */
  List<Change> after(long number, int limit);

  /**
   * Returns once a change may have committed since the last call, or when {@code timeout} passed,
   * whichever comes first. Only a hint: a follower reads the feed after it either way.
   */
  void awaitChange(Duration timeout) throws InterruptedException;

  /** Removes the changes committed before {@code before}; their numbers stay taken. */
  void prune(Instant before);
}
