package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.RateLimiter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * {@link RateLimiter} in PostgreSQL's {@code rate_windows} table, exact across every node sharing
 * it: all windows of one verification are counted in one statement, one round trip. A window that
 * is newer than the stored one starts again at one use; a stored window newer than the one asked
 * for (a node whose clock is behind) is counted into and kept, never reset.
 */
public final class JdbcRateLimiter implements RateLimiter {

  private static final String HIT_HEAD =
      "insert into rate_windows as w (subject, name, window_start, used) values ";
  private static final String HIT_TAIL =
      " on conflict (subject, name) do update set"
          + " used = case when w.window_start >= excluded.window_start then w.used + 1 else 1 end,"
          + " window_start = greatest(w.window_start, excluded.window_start)"
          + " returning subject, name, window_start, used";

  private final DataSource dataSource;

  /**
   * @param dataSource a pool on PostgreSQL, migrated
   */
  public JdbcRateLimiter(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Where one window is stored. */
  private record Row(String subject, String name) {}

  /** How one stored window stands after the hit. */
  private record Stored(long start, long used) {}

  @Override
  public List<Count> hit(List<Window> windows, Instant now) {
    if (windows.isEmpty()) {
      return List.of();
    }
    // Each row once, and in one order on every node, so that two hits never wait on each other's
    // rows crosswise.
    Map<Row, Long> starts =
        new TreeMap<>(Comparator.comparing(Row::subject).thenComparing(Row::name));
    for (Window window : windows) {
      starts.putIfAbsent(
          new Row(window.subject(), window.limit().name()),
          window.limit().windowStart(now).getEpochSecond());
    }
    Map<Row, Stored> stored = write(starts);
    List<Count> counts = new ArrayList<>();
    for (Window window : windows) {
      Stored standing = stored.get(new Row(window.subject(), window.limit().name()));
      if (standing == null) {
        throw new IllegalStateException("the rate window of " + window.subject() + " was lost");
      }
      counts.add(
          new Count(
              window,
              standing.used(),
              Instant.ofEpochSecond(standing.start()).plus(window.limit().duration())));
    }
    return counts;
  }

  private Map<Row, Stored> write(Map<Row, Long> starts) {
    String sql =
        HIT_HEAD + String.join(", ", Collections.nCopies(starts.size(), "(?, ?, ?, 1)")) + HIT_TAIL;
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      try (PreparedStatement hit = connection.prepareStatement(sql)) {
        int at = 1;
        for (Map.Entry<Row, Long> start : starts.entrySet()) {
          hit.setString(at++, start.getKey().subject());
          hit.setString(at++, start.getKey().name());
          hit.setLong(at++, start.getValue());
        }
        Map<Row, Stored> stored = new HashMap<>();
        try (ResultSet rows = hit.executeQuery()) {
          while (rows.next()) {
            stored.put(
                new Row(rows.getString(1), rows.getString(2)),
                new Stored(rows.getLong(3), rows.getLong(4)));
          }
        }
        return stored;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the rate windows", e);
    }
  }
}
