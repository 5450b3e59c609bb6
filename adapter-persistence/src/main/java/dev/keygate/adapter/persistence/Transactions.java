package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ChangeFeed;
import dev.keygate.application.port.out.UnitOfWork;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.KeygateException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.JDBCException;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * The unit of work on the database: one transaction, held by the thread that began it, which every
 * repository call made inside it joins; outside one, each change is a transaction of its own.
 * Changes go through Hibernate's entities; reads are plain SQL ({@link #read}), so a command that
 * only reads never waits for Hibernate to start: it starts at the first unit of work. What a unit
 * changed that a verification depends on, as the repositories note it, goes into the change feed as
 * the unit's last statements, so the change and its feed entries commit together or not at all. The
 * database's refusals come out in the application's words: a unique-key violation or a row that
 * another transaction changed first is a conflict.
 */
final class Transactions implements UnitOfWork {

  private static final String CLASH = "the change clashes with stored data";

  private final Supplier<EntityManagerFactory> entityManagers;
  private final DataSource dataSource;
  private final JdbcChangeFeed feed;
  private final ThreadLocal<Unit> current = new ThreadLocal<>();

  /**
   * @param entityManagers Hibernate, started when first asked for
   */
  Transactions(
      Supplier<EntityManagerFactory> entityManagers, DataSource dataSource, JdbcChangeFeed feed) {
    this.entityManagers = entityManagers;
    this.dataSource = dataSource;
    this.feed = feed;
  }

  /** A read in plain SQL on one connection. */
  @FunctionalInterface
  interface Read<T> {
    T from(Connection connection) throws SQLException;
  }

  /**
   * Reads in plain SQL: inside the current unit on its connection, so the unit sees its own changes
   * (each one is flushed as it is made, see {@link #call}); outside one on a connection of its own.
   *
   * @param what what is read, for the failure's message
   */
  <T> T read(String what, Read<T> read) {
    Unit joined = current.get();
    try {
      if (joined != null) {
        return joined.em().unwrap(Session.class).doReturningWork(read::from);
      }
      try (Connection connection = dataSource.getConnection()) {
        // A host's pool may hand out connections outside autocommit: the read is then not left
        // open in a transaction of its own when the connection goes back.
        if (!connection.getAutoCommit()) {
          connection.setAutoCommit(true);
        }
        return read.from(connection);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read " + what, e);
    } catch (JDBCException e) {
      throw new IllegalStateException("could not read " + what, e.getSQLException());
    }
  }

  /** The open unit of this thread: its entity manager and what it changed so far. */
  private record Unit(EntityManager em, Set<JdbcChangeFeed.Changed> changed) {}

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    try (EntityManager em = entityManagers.get().createEntityManager()) {
      EntityTransaction transaction = em.getTransaction();
      Unit unit = new Unit(em, new LinkedHashSet<>());
      current.set(unit);
      try {
        transaction.begin();
        T result = work.get();
        if (unit.changed().isEmpty()) {
          transaction.commit();
          return result;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> feed.append(connection, unit.changed()));
        transaction.commit();
        feed.committed();
        return result;
      } catch (RuntimeException | Error thrown) {
        if (transaction.isActive()) {
          transaction.rollback();
        }
        if (thrown instanceof RuntimeException failure) {
          throw inOurWords(failure, CLASH);
        }
        throw thrown;
      } finally {
        current.remove();
      }
    }
  }

  /** Work that cannot clash with stored state. */
  <T> T call(Function<EntityManager, T> work) {
    return call(work, CLASH);
  }

  /**
   * Work that may clash, run in the current unit or, outside one, as a unit of its own. Inside a
   * unit it is flushed at once, so that a clash is told here rather than when the unit ends.
   *
   * @param conflict what the caller is told when it does
   */
  <T> T call(Function<EntityManager, T> work, String conflict) {
    Unit joined = current.get();
    if (joined == null) {
      return inTransaction(() -> call(work, conflict));
    }
    try {
      T result = work.apply(joined.em());
      joined.em().flush();
      return result;
    } catch (RuntimeException thrown) {
      throw inOurWords(thrown, conflict);
    }
  }

  /**
   * Notes, from inside a repository call, that the current unit changed {@code subject}: it goes
   * into the change feed when the unit ends, and only if the unit commits.
   */
  void changed(ChangeFeed.Kind kind, String subject) {
    Unit unit = current.get();
    if (unit == null) {
      throw new IllegalStateException("a change is noted inside a unit of work only");
    }
    unit.changed().add(new JdbcChangeFeed.Changed(kind, subject));
  }

  private static RuntimeException inOurWords(RuntimeException thrown, String conflict) {
    if (thrown instanceof KeygateException) {
      return thrown;
    }
    if (causedBy(thrown, ConstraintViolationException.class)
        || causedBy(thrown, OptimisticLockException.class)
        || causedBy(thrown, StaleStateException.class)
        || causedBy(thrown, PessimisticLockException.class)
        || causedBy(thrown, LockTimeoutException.class)
        || causedBy(thrown, LockAcquisitionException.class)) {
      return new ConflictException(conflict);
    }
    return thrown;
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
