package dev.keygate.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.keygate.adapter.persistence.DataSources;
import dev.keygate.adapter.persistence.JpaPersistence;
import dev.keygate.application.port.out.ApiKeyRepository;
import dev.keygate.application.port.query.ApiKeyFilter;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.key.ApiKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Listing keys from a PostgreSQL holding 100,000 of them: the first page against page 1,000 of 50
 * keys. Keyset pagination ({@code id > cursor}, by the primary-key index) should keep the two
 * close; the same page read with OFFSET shows what it avoids.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ListKeysBenchmark {

  private static final int KEYS = 100_000;
  private static final int PAGE_SIZE = 50;
  private static final int PAGE = 1_000;

  private EmbeddedPostgres postgres;
  private HikariDataSource pool;
  private JpaPersistence persistence;
  private ApiKeyRepository apiKeys;
  private String cursorBeforePage1000;

  @Setup
  public void storeHundredThousandKeys() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    pool = DataSources.pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    persistence = JpaPersistence.open(pool);
    apiKeys = persistence.apiKeys();
    List<String> ids = KeyRows.insert(pool, KEYS);
    cursorBeforePage1000 = ids.get((PAGE - 1) * PAGE_SIZE - 1);
  }

  @TearDown
  public void stop() throws Exception {
    persistence.close();
    pool.close();
    postgres.close();
  }

  @Benchmark
  public Page<ApiKey> firstPage() {
    return apiKeys.list(ApiKeyFilter.ALL, PageRequest.first(PAGE_SIZE));
  }

  @Benchmark
  public Page<ApiKey> page1000() {
    return apiKeys.list(
        ApiKeyFilter.ALL, new PageRequest(PAGE_SIZE, Optional.of(cursorBeforePage1000)));
  }

  /** For contrast: the ids of page 1,000 found with OFFSET, which walks every row before it. */
  @Benchmark
  public int page1000IdsByOffset() throws SQLException {
    return countIds(
        "select id from api_keys order by id offset "
            + (PAGE - 1) * PAGE_SIZE
            + " limit "
            + PAGE_SIZE);
  }

  /** The same ids found by keyset, as the repository finds them, in plain JDBC. */
  @Benchmark
  public int page1000IdsByKeyset() throws SQLException {
    return countIds(
        "select id from api_keys where id > '"
            + cursorBeforePage1000
            + "' order by id limit "
            + PAGE_SIZE);
  }

  private int countIds(String sql) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      int count = 0;
      while (rows.next()) {
        count++;
      }
      return count;
    }
  }

  /** Writes keys straight into the tables: a hundred thousand hashes would take an hour. */
  static final class KeyRows {

    private KeyRows() {}

    /**
     * Inserts {@code count} keys of one organization, one secret each; answers their sorted ids.
     */
    static List<String> insert(HikariDataSource pool, int count) throws SQLException {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      String apiId = dev.keygate.domain.api.ApiId.generate(Clock.systemUTC()).value();
      List<String> ids = new ArrayList<>(count);
      try (Connection connection = pool.getConnection()) {
        connection.setAutoCommit(false);
        try (PreparedStatement org =
                connection.prepareStatement(
                    "insert into organizations (code, name, created_on) values ('org_bench', 'Bench', ?)");
            PreparedStatement api =
                connection.prepareStatement(
                    "insert into apis (id, name, audience, created_on) values (?, 'Bench', 'bench', ?)")) {
          org.setObject(1, now);
          org.executeUpdate();
          api.setString(1, apiId);
          api.setObject(2, now);
          api.executeUpdate();
        }
        try (PreparedStatement key =
                connection.prepareStatement(
                    "insert into api_keys (id, name, owner_type, owner_id, api_id, status,"
                        + " created_on, created_by, version) values"
                        + " (?, 'bench key', 'ORGANIZATION', 'org_bench', ?, 'ACTIVE', ?, 'bench', 0)");
            PreparedStatement secret =
                connection.prepareStatement(
                    "insert into key_secrets (lookup, api_key_id, position, prefix, suffix, hash,"
                        + " created_on) values (?, ?, 0, 'k_live', 'AbCd', '$argon2id$bench', ?)")) {
          for (int i = 0; i < count; i++) {
            String id = dev.keygate.domain.key.ApiKeyId.generate(Clock.systemUTC()).value();
            ids.add(id);
            key.setString(1, id);
            key.setString(2, apiId);
            key.setObject(3, now);
            key.addBatch();
            secret.setString(1, String.format("B%011d", i));
            secret.setString(2, id);
            secret.setObject(3, now);
            secret.addBatch();
            if (i % 1_000 == 999) {
              key.executeBatch();
              secret.executeBatch();
            }
          }
          key.executeBatch();
          secret.executeBatch();
        }
        connection.commit();
        try (Statement analyze = connection.createStatement()) {
          analyze.execute("analyze");
        }
      }
      ids.sort(String::compareTo);
      return ids;
    }
  }
}
