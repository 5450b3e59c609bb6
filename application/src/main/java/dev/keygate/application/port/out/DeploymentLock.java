package dev.keygate.application.port.out;

import java.util.function.Supplier;

/**
 * One deployment-wide lock, held by one node at a time across every node on the database: two nodes
 * starting on an empty database at once must not both set it up.
 */
public interface DeploymentLock {

  /** Runs {@code work} while no other node runs work under this lock, waiting for it if need be. */
  <T> T whileHeld(Supplier<T> work);
}
