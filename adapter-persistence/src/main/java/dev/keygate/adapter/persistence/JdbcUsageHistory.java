package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.UsageHistory;
import dev.keygate.application.port.query.UsageQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@link UsageHistory} from the counts {@link WriteBehindUsageRecorder} writes: one key's through
 * the primary key, an owner's through its keys, summed per bucket and outcome, oldest first.
 */
final class JdbcUsageHistory implements UsageHistory {

  private static final String OF_KEY =
      "select u.bucket_start, u.outcome, sum(u.count) from %s u"
          + " where u.key_id = ? and u.bucket_start >= ? and u.bucket_start < ?"
          + " group by u.bucket_start, u.outcome order by u.bucket_start, u.outcome";

  private static final String OF_OWNER =
      "select u.bucket_start, u.outcome, sum(u.count) from api_keys k"
          + " join %s u on u.key_id = k.id"
          + " where k.owner_type = ? and k.owner_id = ? and u.bucket_start >= ? and u.bucket_start < ?"
          + " group by u.bucket_start, u.outcome order by u.bucket_start, u.outcome";

  private final DataSource dataSource;

  JdbcUsageHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<Count> counts(UsageQuery query) {
    String table =
        query.granularity() == UsageQuery.Granularity.HOUR ? "key_usage_hourly" : "key_usage_daily";
    String sql = String.format(query.key().isPresent() ? OF_KEY : OF_OWNER, table);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement read = connection.prepareStatement(sql)) {
      int at = 1;
      if (query.key().isPresent()) {
        read.setString(at++, query.key().get().value());
      } else {
        read.setString(at++, query.owner().orElseThrow().type().name());
        read.setString(at++, query.owner().orElseThrow().id());
      }
      read.setObject(at++, query.from().atOffset(ZoneOffset.UTC));
      read.setObject(at, query.to().atOffset(ZoneOffset.UTC));
      List<Count> counts = new ArrayList<>();
      try (ResultSet rows = read.executeQuery()) {
        while (rows.next()) {
          counts.add(
              new Count(
                  rows.getObject(1, OffsetDateTime.class).toInstant(),
                  rows.getString(2),
                  rows.getLong(3)));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the usage counts", e);
    }
  }
}
