package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.UsageRecorder;
import dev.keygate.domain.key.ApiKeyId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records verifications in memory and writes them behind, about once per interval and on close, as
 * increments ({@code count = count + n}): the hot path never waits for the database, and several
 * nodes sharing one database never lose each other's counts. Every outcome is counted per key and
 * hour into {@code key_usage_hourly} and per key and day into {@code key_usage_daily}; a valid
 * verification also moves the key's own count and last verification on. Hours older than {@link
 * #HOURLY_KEPT} and days older than {@link #DAILY_KEPT} are deleted, at most once an hour.
 */
public final class WriteBehindUsageRecorder implements UsageRecorder, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WriteBehindUsageRecorder.class);

  private static final String INCREMENT =
      "update api_keys set verification_count = verification_count + ?,"
          + " last_verified_ip = case when last_verified_on is null or last_verified_on < ?"
          + " then coalesce(?, last_verified_ip) else last_verified_ip end,"
          + " last_verified_on = case when last_verified_on is null or last_verified_on < ?"
          + " then ? else last_verified_on end"
          + " where id = ?";

  /** How long hourly counts are kept: the last 24 hours are shown, with a week to spare. */
  static final Duration HOURLY_KEPT = Duration.ofDays(8);

  /** How long daily counts are kept: the last 30 days are shown, with over a year to spare. */
  static final Duration DAILY_KEPT = Duration.ofDays(400);

  private static final Duration RETENTION_EVERY = Duration.ofHours(1);

  private static final String POSTGRES_COUNT =
      "insert into %s as t (key_id, bucket_start, outcome, count)"
          + " select id, cast(? as timestamp with time zone), cast(? as varchar(40)),"
          + " cast(? as bigint) from api_keys where id = ?"
          + " on conflict (key_id, bucket_start, outcome) do update set count = t.count + excluded.count";

  private static final String H2_COUNT =
      "merge into %s t using (select id as key_id,"
          + " cast(? as timestamp with time zone) as bucket_start, cast(? as varchar(40)) as outcome,"
          + " cast(? as bigint) as n from api_keys where id = ?) s"
          + " on (t.key_id = s.key_id and t.bucket_start = s.bucket_start and t.outcome = s.outcome)"
          + " when matched then update set count = t.count + s.n"
          + " when not matched then insert (key_id, bucket_start, outcome, count)"
          + " values (s.key_id, s.bucket_start, s.outcome, s.n)";

  private final DataSource dataSource;
  private final Clock clock;

  /**
   * Verifications not yet written, by key, hour and outcome: one map update per verification. The
   * valid ones also carry the latest time and address, for the key's last verification.
   */
  private final ConcurrentHashMap<Bucket, Pending> outcomes = new ConcurrentHashMap<>();

  private final ScheduledExecutorService flusher;

  /** Whether the database is PostgreSQL; told by the first connection. */
  private Boolean postgres;

  /** When old counts were last tried to be deleted; null before the first time. */
  private Instant retained;

  /**
   * @param flushInterval how long increments wait in memory at most, one second by default
   */
  public WriteBehindUsageRecorder(DataSource dataSource, Duration flushInterval) {
    this(dataSource, flushInterval, Clock.systemUTC());
  }

  /**
   * @param flushInterval how long increments wait in memory at most, one second by default
   * @param clock what tells the age of stored counts, for their retention
   */
  public WriteBehindUsageRecorder(DataSource dataSource, Duration flushInterval, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "keygate-usage-flush");
              thread.setDaemon(true);
              return thread;
            });
    long millis = flushInterval.toMillis();
    flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void record(
      ApiKeyId keyId, String outcome, Instant verifiedOn, Optional<String> clientIp) {
    outcomes.merge(
        new Bucket(keyId, verifiedOn.truncatedTo(ChronoUnit.HOURS), outcome),
        new Pending(1, verifiedOn, clientIp.orElse(null)),
        Pending::plus);
  }

  /**
   * Writes every pending increment now, in one transaction; what cannot be written stays pending.
   * Then deletes old counts, when that was last tried an hour ago or more.
   */
  public synchronized void flush() {
    writePending();
    retainWhenDue();
  }

  private synchronized void writePending() {
    Map<Bucket, Pending> taken = new HashMap<>();
    for (Bucket bucket : outcomes.keySet()) {
      Pending one = outcomes.remove(bucket);
      if (one != null) {
        taken.put(bucket, one);
      }
    }
    // Rows are written in one order on every node, so that two nodes' flushes never deadlock.
    Map<ApiKeyId, Pending> batch = new TreeMap<>(Comparator.comparing(ApiKeyId::value));
    Map<Bucket, Long> counted = new TreeMap<>(Bucket.ORDER);
    taken.forEach(
        (bucket, one) -> {
          counted.put(bucket, one.count());
          if (VERIFIED.equals(bucket.outcome())) {
            batch.merge(bucket.keyId(), one, Pending::plus);
          }
        });
    if (!batch.isEmpty() || !counted.isEmpty()) {
      try {
        write(batch, counted);
      } catch (SQLException e) {
        taken.forEach((bucket, one) -> outcomes.merge(bucket, one, Pending::plus));
        throw new IllegalStateException("usage could not be written; it stays pending", e);
      }
    }
  }

  /**
   * Deletes the counts past their retention, unless that was tried within the last hour: what a
   * failed try leaves is deleted by the next, and counts are never lost for it.
   */
  private void retainWhenDue() {
    Instant now = clock.instant();
    if (retained != null && now.isBefore(retained.plus(RETENTION_EVERY))) {
      return;
    }
    retained = now;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement hourly =
            connection.prepareStatement("delete from key_usage_hourly where bucket_start < ?");
        PreparedStatement daily =
            connection.prepareStatement("delete from key_usage_daily where bucket_start < ?")) {
      hourly.setObject(1, now.minus(HOURLY_KEPT).atOffset(ZoneOffset.UTC));
      hourly.executeUpdate();
      daily.setObject(1, now.minus(DAILY_KEPT).atOffset(ZoneOffset.UTC));
      daily.executeUpdate();
    } catch (SQLException e) {
      LOG.warn(
          "old usage counts could not be deleted; trying again in an hour: {}", e.getMessage());
    }
  }

  /** Stops the schedule and writes what is left. */
  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writePending();
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("usage flush failed; retrying at the next interval: {}", e.getMessage());
    }
  }

  private void write(Map<ApiKeyId, Pending> batch, Map<Bucket, Long> counted) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (postgres == null) {
        postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
      }
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      String count = postgres ? POSTGRES_COUNT : H2_COUNT;
      try (PreparedStatement update = connection.prepareStatement(INCREMENT);
          PreparedStatement hourly =
              connection.prepareStatement(String.format(count, "key_usage_hourly"));
          PreparedStatement daily =
              connection.prepareStatement(String.format(count, "key_usage_daily"))) {
        for (Map.Entry<ApiKeyId, Pending> entry : batch.entrySet()) {
          Pending usage = entry.getValue();
          OffsetDateTime at = OffsetDateTime.ofInstant(usage.lastOn(), ZoneOffset.UTC);
          update.setLong(1, usage.count());
          update.setObject(2, at);
          update.setString(3, usage.lastIp());
          update.setObject(4, at);
          update.setObject(5, at);
          update.setString(6, entry.getKey().value());
          update.addBatch();
        }
        if (!batch.isEmpty()) {
          update.executeBatch();
        }
        Map<Bucket, Long> days = new TreeMap<>(Bucket.ORDER);
        for (Map.Entry<Bucket, Long> hour : counted.entrySet()) {
          addCount(hourly, hour.getKey(), hour.getValue());
          days.merge(hour.getKey().day(), hour.getValue(), Long::sum);
        }
        for (Map.Entry<Bucket, Long> day : days.entrySet()) {
          addCount(daily, day.getKey(), day.getValue());
        }
        if (!counted.isEmpty()) {
          hourly.executeBatch();
          daily.executeBatch();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static void addCount(PreparedStatement increment, Bucket bucket, long count)
      throws SQLException {
    increment.setObject(1, bucket.start().atOffset(ZoneOffset.UTC));
    increment.setString(2, bucket.outcome());
    increment.setLong(3, count);
    increment.setString(4, bucket.keyId().value());
    increment.addBatch();
  }

  /** Verifications of one key with one outcome in the hour or day that starts at {@code start}. */
  private record Bucket(ApiKeyId keyId, Instant start, String outcome) {

    static final Comparator<Bucket> ORDER =
        Comparator.comparing((Bucket bucket) -> bucket.keyId().value())
            .thenComparing(Bucket::start)
            .thenComparing(Bucket::outcome);

    Bucket day() {
      return new Bucket(keyId, start.truncatedTo(ChronoUnit.DAYS), outcome);
    }
  }

  /** Verifications of one key not yet written: how many, and the latest one's time and address. */
  private record Pending(long count, Instant lastOn, String lastIp) {

    Pending plus(Pending other) {
      boolean otherIsLater = other.lastOn.isAfter(lastOn);
      return new Pending(
          count + other.count,
          otherIsLater ? other.lastOn : lastOn,
          otherIsLater ? other.lastIp : lastIp);
    }
  }
}
