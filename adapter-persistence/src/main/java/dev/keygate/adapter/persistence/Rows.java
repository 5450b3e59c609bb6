package dev.keygate.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the repositories' plain SQL reads share: a query run with its parameters, its rows read one
 * by one, and timestamps as UTC instants. Rows are read into the adapter's entity classes,
 * detached, so each table's mapper to the domain stays the one its changes use.
 */
final class Rows {

  private Rows() {}

  /** Reads one row into a value. */
  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Every row of {@code sql} run with {@code parameters}, in the query's order. */
  static <T> List<T> list(Connection connection, String sql, List<?> parameters, Reader<T> reader)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      int at = 1;
      for (Object parameter : parameters) {
        query.setObject(at++, parameter instanceof Instant instant ? utc(instant) : parameter);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(reader.read(row));
        }
      }
      return rows;
    }
  }

  /** The first row of {@code sql}, if any. */
  static <T> Optional<T> first(
      Connection connection, String sql, List<?> parameters, Reader<T> reader) throws SQLException {
    return list(connection, sql, parameters, reader).stream().findFirst();
  }

  /** The count {@code sql} answers. */
  static long count(Connection connection, String sql, List<?> parameters) throws SQLException {
    return first(connection, sql, parameters, row -> row.getLong(1)).orElse(0L);
  }

  /** {@code ?, ?, ?}: a placeholder for each of {@code values}, for {@code in (...)}. */
  static String placeholders(Collection<?> values) {
    return String.join(", ", Collections.nCopies(values.size(), "?"));
  }

  /** A {@code timestamp with time zone} column as an instant; null stays null. */
  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  /** An instant as the {@code timestamp with time zone} parameter it is bound as. */
  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
