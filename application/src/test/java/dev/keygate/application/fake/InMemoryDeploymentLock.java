package dev.keygate.application.fake;

import dev.keygate.application.port.out.DeploymentLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link DeploymentLock} for one process; a test can let another node's work take the lock first.
 */
public final class InMemoryDeploymentLock implements DeploymentLock {

  private final ReentrantLock lock = new ReentrantLock();
  private Runnable otherNode = () -> {};
  private int holds;

  @Override
  public <T> T whileHeld(Supplier<T> work) {
    Runnable first;
    synchronized (this) {
      first = otherNode;
      otherNode = () -> {};
    }
    first.run();
    lock.lock();
    try {
      holds++;
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next taker of the lock waits while another node runs {@code initialization}, which takes
   * the lock itself, as initializing does.
   */
  public synchronized void letAnotherNodeGoFirst(Runnable initialization) {
    otherNode = initialization;
  }

  /** How often the lock was taken. */
  public int holds() {
    return holds;
  }
}
