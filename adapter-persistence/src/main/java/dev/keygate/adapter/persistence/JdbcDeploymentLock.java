package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.DeploymentLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The deployment lock as a row lock: the one row of {@code deployment_lock}, selected {@code for
 * update} in a transaction of its own that stays open while the work runs. Every node on the
 * database, H2 or PostgreSQL, waits for it; the work itself writes through other connections.
 */
public final class JdbcDeploymentLock implements DeploymentLock {

  private static final String LOCK = "select id from deployment_lock where id = 1 for update";

  private final DataSource dataSource;

  public JdbcDeploymentLock(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "data source");
  }

  @Override
  public <T> T whileHeld(Supplier<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement lock = connection.createStatement()) {
        lock.executeQuery(LOCK).close();
        return work.get();
      } finally {
        // Nothing was written here: ending the transaction releases the row.
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not take the deployment lock", e);
    }
  }
}
