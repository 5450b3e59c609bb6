package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.UsageRecorder;
import dev.keygate.domain.key.ApiKeyId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
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
 * nodes sharing one database never lose each other's counts.
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

  private final DataSource dataSource;
  private final ConcurrentHashMap<ApiKeyId, Pending> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher;

  /**
   * @param flushInterval how long increments wait in memory at most, one second by default
   */
  public WriteBehindUsageRecorder(DataSource dataSource, Duration flushInterval) {
    this.dataSource = dataSource;
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
    if (!VERIFIED.equals(outcome)) {
      return;
    }
    pending.merge(keyId, new Pending(1, verifiedOn, clientIp.orElse(null)), Pending::plus);
  }

  /** Writes every pending increment now; what cannot be written stays pending. */
  public synchronized void flush() {
    Map<ApiKeyId, Pending> batch = new java.util.HashMap<>();
    for (ApiKeyId keyId : pending.keySet()) {
      Pending taken = pending.remove(keyId);
      if (taken != null) {
        batch.put(keyId, taken);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      write(batch);
    } catch (SQLException e) {
      batch.forEach((keyId, usage) -> pending.merge(keyId, usage, Pending::plus));
      throw new IllegalStateException("usage could not be written; it stays pending", e);
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
    flush();
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.warn("usage flush failed; retrying at the next interval: {}", e.getMessage());
    }
  }

  private void write(Map<ApiKeyId, Pending> batch) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement update = connection.prepareStatement(INCREMENT)) {
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
        update.executeBatch();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
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
