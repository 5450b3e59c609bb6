package dev.keygate.application.port.out;

import java.util.function.Supplier;

/**
 * One use case's changes as one transaction: what the repositories and the audit log write inside a
 * unit is kept when the unit's work returns, and none of it when the work throws. A unit begun
 * inside another joins it.
 */
public interface UnitOfWork {

  /**
   * Runs {@code work} as one unit.
   *
   * @return what {@code work} returned, once all it wrote is kept
   * @throws dev.keygate.domain.ConflictException if what it wrote clashes with stored data, found
   *     when the unit is kept
   */
  <T> T inTransaction(Supplier<T> work);
}
