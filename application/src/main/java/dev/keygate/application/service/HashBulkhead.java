package dev.keygate.application.service;

import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.domain.LimitReachedException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds the hashes running at once: each costs tens of milliseconds and megabytes of memory, so a
 * burst of them must wait a bounded time for a slot and then be refused, never queue without end.
 */
final class HashBulkhead implements SecretHasher {

  /** What a refused caller is told to wait: about the time a few hashes take to finish. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final SecretHasher hasher;
  private final Semaphore slots;
  private final long waitNanos;

  HashBulkhead(SecretHasher hasher, int slots, Duration wait) {
    this.hasher = hasher;
    this.slots = new Semaphore(slots, true);
    this.waitNanos = wait.toNanos();
  }

  @Override
  public String hash(char[] secret) {
    return inSlot(() -> hasher.hash(secret));
  }

  @Override
  public boolean verify(String hash, char[] secret) {
    return inSlot(() -> hasher.verify(hash, secret));
  }

  /** Reads the parameters out of the hash; no hashing, so no slot. */
  @Override
  public boolean needsRehash(String hash) {
    return hasher.needsRehash(hash);
  }

  private <T> T inSlot(Supplier<T> hashing) {
    acquire();
    try {
      return hashing.get();
    } finally {
      slots.release();
    }
  }

  private void acquire() {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new LimitReachedException(
          "every hashing slot is busy; retry in " + RETRY_AFTER.toSeconds() + " s", RETRY_AFTER);
    }
  }
}
