package dev.keygate.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Takes the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) out of the names,
 * audiences, scope keys, descriptions and e-mail addresses stored before they were refused, which
 * the domain would now refuse to read back. The rest of each text stays as it was.
 */
final class V4__StripBidirectionalControls extends BaseJavaMigration {

  /** Each table's key column and the text columns that go through the domain's text checks. */
  private static final Map<String, List<String>> COLUMNS = columns();

  private static Map<String, List<String>> columns() {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    columns.put("api_keys", List.of("id", "name"));
    columns.put("apis", List.of("id", "name", "audience"));
    columns.put("api_scopes", List.of("id", "scope_key", "description"));
    columns.put("organizations", List.of("code", "name"));
    columns.put("users", List.of("id", "name", "email"));
    return columns;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    for (Map.Entry<String, List<String>> table : COLUMNS.entrySet()) {
      String key = table.getValue().get(0);
      for (String column : table.getValue().subList(1, table.getValue().size())) {
        strip(connection, table.getKey(), key, column);
      }
    }
  }

  private static void strip(Connection connection, String table, String key, String column)
      throws SQLException {
    Map<String, String> cleaned = new LinkedHashMap<>();
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("select " + key + ", " + column + " from " + table)) {
      while (rows.next()) {
        String text = rows.getString(2);
        if (text != null && hasBidirectionalControl(text)) {
          cleaned.put(rows.getString(1), withoutBidirectionalControls(text));
        }
      }
    }
    if (cleaned.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "update " + table + " set " + column + " = ? where " + key + " = ?")) {
      for (Map.Entry<String, String> row : cleaned.entrySet()) {
        update.setString(1, row.getValue());
        update.setString(2, row.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  static boolean hasBidirectionalControl(String text) {
    return text.chars().anyMatch(V4__StripBidirectionalControls::isBidirectionalControl);
  }

  /** The text without them; a text that was nothing else becomes {@code ?}, never empty. */
  static String withoutBidirectionalControls(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.chars().filter(c -> !isBidirectionalControl(c)).forEach(c -> kept.append((char) c));
    return kept.toString().isBlank() ? "?" : kept.toString();
  }

  private static boolean isBidirectionalControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}
