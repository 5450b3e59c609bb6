package dev.keygate.application.port.out;

import java.util.function.Supplier;

/**
 * One deployment-wide lock, held by one node at a time across every node on the database: two nodes
 * starting on an empty database at once must not both set it up.
 */
public interface DeploymentLock {

  /** Runs {@code work} while no other node runs work under this lock, waiting for it if need be. */
  <T> T whileHeld(Supplier<T> work);

  /** No exclusion, for a deployment with a single initializer, such as one held in memory. */
  DeploymentLock NONE =
      new DeploymentLock() {
        @Override
        public <T> T whileHeld(Supplier<T> work) {
          return work.get();
        }
      };
}
