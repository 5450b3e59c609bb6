package dev.keygate.adapter.persistence;

import dev.keygate.domain.ConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.OptimisticLockException;
import java.util.function.Function;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Runs repository work in one transaction each and turns the database's refusals into the
 * application's words: a unique-key violation or a lost optimistic-locking race is a conflict.
 */
final class Transactions {

  private final EntityManagerFactory entityManagers;

  Transactions(EntityManagerFactory entityManagers) {
    this.entityManagers = entityManagers;
  }

  /** Work that cannot clash with stored state. */
  <T> T call(Function<EntityManager, T> work) {
    return call(work, "the change clashes with stored data");
  }

  /**
   * Work that may clash.
   *
   * @param conflict what the caller is told when it does
   */
  <T> T call(Function<EntityManager, T> work, String conflict) {
    try {
      return entityManagers.callInTransaction(work);
    } catch (RuntimeException e) {
      if (causedBy(e, ConstraintViolationException.class)
          || causedBy(e, OptimisticLockException.class)
          || causedBy(e, StaleStateException.class)) {
        throw new ConflictException(conflict);
      }
      throw e;
    }
  }

  private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
