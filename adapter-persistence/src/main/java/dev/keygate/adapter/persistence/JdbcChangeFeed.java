package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.ChangeFeed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@link ChangeFeed} in two tables, {@code change_head} and {@code change_feed}, written by {@link
 * Transactions} as the last statements of each unit of work that changed something. A follower is
 * woken on PostgreSQL by {@code LISTEN}/{@code NOTIFY} (the notification is sent when the unit
 * commits), and on H2 by {@link LocalSignal} when the change committed in this process; it reads
 * the feed by change number after every wake and every poll either way, so a lost notification
 * costs one poll interval and nothing else.
 */
final class JdbcChangeFeed implements ChangeFeed, AutoCloseable {

  /** The PostgreSQL channel every committed change is announced on. */
  static final String CHANNEL = "keygate_changes";

  private static final String MOVE_HEAD =
      "update change_head set change_number = change_number + ? where id = 1";
  private static final String READ_HEAD = "select change_number from change_head where id = 1";
  private static final String APPEND =
      "insert into change_feed (change_number, kind, subject, changed_on) values (?, ?, ?, ?)";
  private static final String AFTER =
      "select change_number, kind, subject from change_feed where change_number > ?"
          + " order by change_number";
  private static final String PRUNE = "delete from change_feed where changed_on < ?";

  /** The longest single wait for an announcement, so that a stop is noticed within it. */
  private static final long SLICE = Duration.ofMillis(250).toNanos();

  private final DataSource dataSource;
  private final boolean postgres;
  private final LocalSignal localSignal;

  /** The follower's own connection, listening; closed by another thread only when it stops. */
  private volatile Connection listening;

  /** Set once the node closes: no listening connection is opened after it. */
  private volatile boolean closed;

  /** The local signal's count when this feed's follower last woke. */
  private long signalsSeen;

  JdbcChangeFeed(DataSource dataSource, boolean postgres, LocalSignal localSignal) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.localSignal = localSignal;
  }

  /** What one unit of work changed, before it has its number. */
  record Changed(Kind kind, String subject) {}

  /**
   * Numbers and records {@code changes} on {@code connection}, inside its open transaction: the
   * head's row stays locked until the transaction ends, so the next unit's numbers follow these
   * once they are committed. On PostgreSQL, announces them for when they commit.
   */
  void append(Connection connection, Collection<Changed> changes) throws SQLException {
    try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
      move.setLong(1, changes.size());
      move.executeUpdate();
    }
    long last = head(connection);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement append = connection.prepareStatement(APPEND)) {
      long number = last - changes.size();
      for (Changed change : changes) {
        append.setLong(1, ++number);
        append.setString(2, change.kind().name());
        append.setString(3, change.subject());
        append.setObject(4, now);
        append.addBatch();
      }
      append.executeBatch();
    }
    if (postgres) {
      try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
        notify.setString(1, CHANNEL);
        notify.setString(2, Long.toString(last));
        notify.execute();
      }
    }
  }

  /** After a unit that changed something committed in this process. */
  void committed() {
    localSignal.raise();
  }

  @Override
  public long latest() {
    try (Connection connection = dataSource.getConnection()) {
      return head(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the change feed's head", e);
    }
  }

  @Override
  public List<Change> after(long number, int limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement after = connection.prepareStatement(AFTER)) {
      after.setLong(1, number);
      after.setMaxRows(limit);
      List<Change> changes = new ArrayList<>();
      try (ResultSet rows = after.executeQuery()) {
        while (rows.next()) {
          // A kind this version does not know (written by a newer node) is left out: the number
          // missing makes the follower forget everything, which is safe whatever changed.
          Optional<Kind> kind = kind(rows.getString(2));
          if (kind.isPresent()) {
            changes.add(new Change(rows.getLong(1), kind.get(), rows.getString(3)));
          }
        }
      }
      return changes;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the change feed after " + number, e);
    }
  }

  @Override
  public void awaitChange(Duration timeout) throws InterruptedException {
    if (!postgres) {
      signalsSeen = localSignal.await(signalsSeen, timeout);
      return;
    }
    try {
      PGConnection connection = listeningConnection().unwrap(PGConnection.class);
      // In slices: the driver's wait does not end when the thread is interrupted.
      long deadline = System.nanoTime() + timeout.toNanos();
      for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
        if (Thread.interrupted()) {
          throw new InterruptedException("stopped following the change feed");
        }
        PGNotification[] announced =
            connection.getNotifications(waitMillis(Duration.ofNanos(Math.min(left, SLICE))));
        if (announced != null && announced.length > 0) {
          return;
        }
      }
    } catch (SQLException lost) {
      // The next catch-up reads whatever was announced meanwhile; listen again after it.
      closeListening();
      Thread.sleep(waitMillis(timeout));
    }
  }

  @Override
  public void prune(Instant before) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement prune = connection.prepareStatement(PRUNE)) {
      prune.setObject(1, before.atOffset(ZoneOffset.UTC));
      prune.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not prune the change feed", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    closeListening();
  }

  private Connection listeningConnection() throws SQLException {
    if (closed) {
      throw new SQLException("the change feed is closed");
    }
    if (listening == null) {
      Connection connection = dataSource.getConnection();
      try (Statement listen = connection.createStatement()) {
        connection.setAutoCommit(true);
        listen.execute("listen " + CHANNEL);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      listening = connection;
    }
    return listening;
  }

  private void closeListening() {
    Connection connection = listening;
    listening = null;
    if (connection != null) {
      try (connection;
          Statement unlisten = connection.createStatement()) {
        // back in the pool, the connection must not go on collecting announcements
        unlisten.execute("unlisten *");
      } catch (SQLException e) {
        // already gone (the pool drops a broken connection): the next wait opens another
      }
    }
  }

  private static Optional<Kind> kind(String name) {
    try {
      return Optional.of(Kind.valueOf(name));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  private static long head(Connection connection) throws SQLException {
    try (PreparedStatement read = connection.prepareStatement(READ_HEAD);
        ResultSet row = read.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("change_head has no row");
      }
      return row.getLong(1);
    }
  }

  /** At least a millisecond: PostgreSQL's driver takes 0 as waiting for ever. */
  private static int waitMillis(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
  }
}
