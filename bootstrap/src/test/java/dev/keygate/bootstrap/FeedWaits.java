package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Bounded waits for nodes that follow the change feed: waited for, never timed. Twenty seconds at
 * most, well within a minute, so a node that polls once a minute cannot pass one by polling.
 */
final class FeedWaits {

  private static final Duration LIMIT = Duration.ofSeconds(20);

  private FeedWaits() {}

  /** Waits until {@code reader} has read every change {@code writer} knows of. */
  static void awaitFeedRead(Keygate reader, Keygate writer) {
    long latest = writer.node().latestChange();
    awaitTrue(() -> reader.node().changeFollower().position() >= latest);
    assertThat(reader.node().changeFollower().position()).isGreaterThanOrEqualTo(latest);
  }

  /** Waits until {@code node} is no longer current on the feed. */
  static void awaitBehind(Keygate node) {
    awaitTrue(() -> !node.node().changeFollower().isCurrent());
    assertThat(node.node().changeFollower().isCurrent()).isFalse();
  }

  /** Waits until {@code condition} holds or the limit passed; the caller asserts which. */
  static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
