package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.Outbox;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.DeliveryStatus;
import dev.keygate.domain.event.KeyEvent;
import dev.keygate.domain.event.KeyEventType;
import dev.keygate.domain.event.Leak;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.OwnerType;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * {@link Outbox} in the {@code webhook_events} and {@code webhook_deliveries} tables, written with
 * plain JDBC on the connection of the caller's unit of work, so that an event is kept exactly when
 * the change it tells of is.
 *
 * <p>An event with a once-key is inserted only if no event holds that key, in a statement that
 * never fails for it: on PostgreSQL a failed statement would abort the caller's whole transaction.
 * A claim locks the due deliveries it picks and skips those another node holds ({@code for update
 * skip locked}), then moves each one's next attempt on only if it is still due, so two nodes never
 * claim one delivery. A delivery is claimable only while no earlier pending delivery of the same
 * webhook and key exists, even one waiting for its retry: a key's events reach a webhook in order.
 */
final class JdbcOutbox implements Outbox {

  private static final String EVENT_COLUMNS =
      "id, type, occurred_at, key_id, key_name, key_status, owner_type, owner_id, expires_on,"
          + " actor, leak_source, leak_url, once_key";
  private static final String INSERT_EVENT =
      "insert into webhook_events (" + EVENT_COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?)";
  private static final String EVENT_SEQ = "select seq from webhook_events where id = ?";
  private static final String RECEIVERS =
      "select id, event_types from webhooks where org_code is null or org_code = ?";
  private static final String INSERT_DELIVERY =
      "insert into webhook_deliveries (id, webhook_id, event_id, event_seq, key_id, status,"
          + " attempts, created_on, next_attempt_at) values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

  /** The oldest due deliveries that no earlier pending delivery of their webhook and key holds. */
  private static final String DUE =
      "select d.id from webhook_deliveries d"
          + " where d.status = 'PENDING' and d.next_attempt_at <= ?"
          + " and not exists (select 1 from webhook_deliveries p"
          + " where p.webhook_id = d.webhook_id and p.key_id = d.key_id"
          + " and p.status = 'PENDING' and p.event_seq < d.event_seq)"
          + " order by d.event_seq fetch first ? rows only for update skip locked";

  private static final String CLAIM =
      "update webhook_deliveries set attempts = attempts + 1, last_attempt_at = ?,"
          + " next_attempt_at = ? where id = ? and status = 'PENDING' and next_attempt_at <= ?";

  private static final String DELIVERY_COLUMNS =
      "d.id, d.webhook_id, d.event_id, e.type, d.key_id, d.status, d.attempts, d.created_on,"
          + " d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_error";
  private static final String DELIVERIES =
      "select "
          + DELIVERY_COLUMNS
          + " from webhook_deliveries d join webhook_events e on e.id = d.event_id";
  private static final String DUE_DELIVERIES =
      "select "
          + DELIVERY_COLUMNS
          + ", e.occurred_at, e.key_name, e.key_status, e.owner_type, e.owner_id, e.expires_on,"
          + " e.actor, e.leak_source, e.leak_url, w.endpoint, w.signing_secret"
          + " from webhook_deliveries d join webhook_events e on e.id = d.event_id"
          + " join webhooks w on w.id = d.webhook_id where d.id = ?";

  private static final String DELIVERED =
      "update webhook_deliveries set status = 'DELIVERED', last_attempt_at = ?,"
          + " last_status_code = ?, last_error = null, next_attempt_at = null where id = ?";
  private static final String ATTEMPT_FAILED =
      "update webhook_deliveries set status = ?, last_attempt_at = ?, last_status_code = ?,"
          + " last_error = ?, next_attempt_at = ? where id = ?";
  private static final String REDELIVER =
      "update webhook_deliveries set status = 'PENDING', next_attempt_at = ? where id = ?";
  private static final String PRUNE_DELIVERIES =
      "delete from webhook_deliveries where status <> 'PENDING'"
          + " and coalesce(last_attempt_at, created_on) < ?";
  private static final String PRUNE_EVENTS =
      "delete from webhook_events where occurred_at < ? and not exists"
          + " (select 1 from webhook_deliveries d where d.event_id = webhook_events.id)";

  /** The longest error kept; a longer one is cut. */
  private static final int MAX_ERROR_LENGTH = 1024;

  private static final String UNIQUE_VIOLATION = "23505";

  private final Transactions transactions;
  private final boolean postgres;

  JdbcOutbox(Transactions transactions, boolean postgres) {
    this.transactions = transactions;
    this.postgres = postgres;
  }

  @Override
  public boolean append(KeyEvent event, Optional<String> onceKey) {
    return jdbc(
        connection -> {
          if (!insertEvent(connection, event, onceKey)) {
            return false;
          }
          long seq = seqOf(connection, event.id());
          // deliveries are numbered by the event's time, so the log's id order is the event order
          Clock at = Clock.fixed(event.occurredAt(), ZoneOffset.UTC);
          try (PreparedStatement insert = connection.prepareStatement(INSERT_DELIVERY)) {
            for (String webhook : receivers(connection, event)) {
              insert.setString(1, DeliveryId.generate(at).value());
              insert.setString(2, webhook);
              insert.setString(3, event.id());
              insert.setLong(4, seq);
              insert.setString(5, event.keyId().value());
              insert.setObject(6, Rows.utc(event.occurredAt()));
              insert.setObject(7, Rows.utc(event.occurredAt()));
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return true;
        });
  }

  /** Inserts the event unless its once-key is taken; whether it did. */
  private boolean insertEvent(Connection connection, KeyEvent event, Optional<String> onceKey)
      throws SQLException {
    String sql = postgres ? INSERT_EVENT + " on conflict (once_key) do nothing" : INSERT_EVENT;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int at = 1;
      insert.setString(at++, event.id());
      insert.setString(at++, event.type().name());
      insert.setObject(at++, Rows.utc(event.occurredAt()));
      insert.setString(at++, event.keyId().value());
      insert.setString(at++, event.keyName());
      insert.setString(at++, event.keyStatus().name());
      insert.setString(at++, event.owner().type().name());
      insert.setString(at++, event.owner().id());
      insert.setObject(at++, event.expiresOn().map(Rows::utc).orElse(null));
      insert.setString(at++, event.actor());
      insert.setString(at++, event.leak().map(leak -> leak.source().name()).orElse(null));
      insert.setString(at++, event.leak().flatMap(Leak::url).orElse(null));
      insert.setString(at, onceKey.orElse(null));
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      // H2 undoes the failed statement alone and the transaction goes on
      if (!postgres && onceKey.isPresent() && UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  private static long seqOf(Connection connection, String eventId) throws SQLException {
    try (PreparedStatement read = connection.prepareStatement(EVENT_SEQ)) {
      read.setString(1, eventId);
      try (ResultSet row = read.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /**
   * The webhooks that receive {@code event}, as {@link dev.keygate.domain.event.Webhook#receives}
   * says: the deployment's and those of the key's organization, subscribed to its type.
   */
  private static List<String> receivers(Connection connection, KeyEvent event) throws SQLException {
    String org = event.owner() instanceof Owner.Org owner ? owner.code().value() : null;
    List<String> receivers = new ArrayList<>();
    try (PreparedStatement read = connection.prepareStatement(RECEIVERS)) {
      read.setString(1, org);
      try (ResultSet rows = read.executeQuery()) {
        while (rows.next()) {
          if (WebhookMapper.eventTypes(rows.getString(2)).contains(event.type())) {
            receivers.add(rows.getString(1));
          }
        }
      }
    }
    Collections.sort(receivers);
    return receivers;
  }

  @Override
  public List<DueDelivery> claimDue(Instant now, Duration lease, int limit) {
    return jdbc(
        connection -> {
          List<String> picked = new ArrayList<>();
          try (PreparedStatement read = connection.prepareStatement(DUE)) {
            read.setObject(1, Rows.utc(now));
            read.setInt(2, limit);
            try (ResultSet rows = read.executeQuery()) {
              while (rows.next()) {
                picked.add(rows.getString(1));
              }
            }
          }
          List<DueDelivery> claimed = new ArrayList<>();
          try (PreparedStatement claim = connection.prepareStatement(CLAIM);
              PreparedStatement read = connection.prepareStatement(DUE_DELIVERIES)) {
            for (String id : picked) {
              claim.setObject(1, Rows.utc(now));
              claim.setObject(2, Rows.utc(now.plus(lease)));
              claim.setString(3, id);
              claim.setObject(4, Rows.utc(now));
              if (claim.executeUpdate() == 1) {
                read.setString(1, id);
                try (ResultSet row = read.executeQuery()) {
                  if (row.next()) {
                    claimed.add(dueDelivery(row));
                  }
                }
              }
            }
          }
          return claimed;
        });
  }

  @Override
  public void delivered(DeliveryId id, Instant at, int statusCode) {
    jdbc(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(DELIVERED)) {
            update.setObject(1, Rows.utc(at));
            update.setInt(2, statusCode);
            update.setString(3, id.value());
            return update.executeUpdate();
          }
        });
  }

  @Override
  public void attemptFailed(
      DeliveryId id,
      Instant at,
      Optional<Integer> statusCode,
      String error,
      Optional<Instant> retryAt) {
    jdbc(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(ATTEMPT_FAILED)) {
            DeliveryStatus status =
                retryAt.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
            update.setString(1, status.name());
            update.setObject(2, Rows.utc(at));
            if (statusCode.isPresent()) {
              update.setInt(3, statusCode.get());
            } else {
              update.setNull(3, Types.INTEGER);
            }
            update.setString(
                4,
                error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
            update.setObject(5, retryAt.map(Rows::utc).orElse(null));
            update.setString(6, id.value());
            return update.executeUpdate();
          }
        });
  }

  @Override
  public Page<Delivery> deliveries(WebhookId webhook, PageRequest page) {
    return transactions.read(
        "the deliveries of webhook " + webhook,
        connection -> {
          String sql =
              DELIVERIES
                  + " where d.webhook_id = ?"
                  + (page.startingAfter().isPresent() ? " and d.id < ?" : "")
                  + " order by d.id desc fetch first ? rows only";
          List<Delivery> deliveries = new ArrayList<>();
          try (PreparedStatement read = connection.prepareStatement(sql)) {
            int at = 1;
            read.setString(at++, webhook.value());
            if (page.startingAfter().isPresent()) {
              read.setString(at++, page.startingAfter().get());
            }
            read.setInt(at, page.size() + 1);
            try (ResultSet rows = read.executeQuery()) {
              while (rows.next()) {
                deliveries.add(delivery(rows));
              }
            }
          }
          boolean more = deliveries.size() > page.size();
          return new Page<>(more ? deliveries.subList(0, page.size()) : deliveries, more);
        });
  }

  @Override
  public Optional<Delivery> findDelivery(DeliveryId id) {
    return transactions.read("delivery " + id, connection -> find(connection, id));
  }

  private static Optional<Delivery> find(Connection connection, DeliveryId id) throws SQLException {
    try (PreparedStatement read = connection.prepareStatement(DELIVERIES + " where d.id = ?")) {
      read.setString(1, id.value());
      try (ResultSet row = read.executeQuery()) {
        return row.next() ? Optional.of(delivery(row)) : Optional.empty();
      }
    }
  }

  @Override
  public Delivery redeliver(DeliveryId id, Instant now) {
    return jdbc(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(REDELIVER)) {
            update.setObject(1, Rows.utc(now));
            update.setString(2, id.value());
            if (update.executeUpdate() == 0) {
              throw new NotFoundException("delivery " + id + " not found");
            }
          }
          return find(connection, id).orElseThrow();
        });
  }

  @Override
  public void prune(Instant before) {
    jdbc(
        connection -> {
          try (PreparedStatement deliveries = connection.prepareStatement(PRUNE_DELIVERIES);
              PreparedStatement events = connection.prepareStatement(PRUNE_EVENTS)) {
            deliveries.setObject(1, Rows.utc(before));
            deliveries.executeUpdate();
            events.setObject(1, Rows.utc(before));
            return events.executeUpdate();
          }
        });
  }

  /** Work on the connection of the current unit, or of a unit of its own outside one. */
  private <T> T jdbc(ReturningWork<T> work) {
    return transactions.call(em -> em.unwrap(Session.class).doReturningWork(work));
  }

  /** A delivery from a row that starts with {@link #DELIVERY_COLUMNS}. */
  private static Delivery delivery(ResultSet row) throws SQLException {
    int statusCode = row.getInt(11);
    Optional<Integer> lastStatusCode = row.wasNull() ? Optional.empty() : Optional.of(statusCode);
    return new Delivery(
        new DeliveryId(row.getString(1)),
        new WebhookId(row.getString(2)),
        row.getString(3),
        KeyEventType.valueOf(row.getString(4)),
        new ApiKeyId(row.getString(5)),
        DeliveryStatus.valueOf(row.getString(6)),
        row.getInt(7),
        instant(row, 8).orElseThrow(),
        instant(row, 9),
        instant(row, 10),
        lastStatusCode,
        Optional.ofNullable(row.getString(12)));
  }

  /** A claimed delivery from a row of {@link #DUE_DELIVERIES}. */
  private static DueDelivery dueDelivery(ResultSet row) throws SQLException {
    Delivery delivery = delivery(row);
    String leakSource = row.getString(20);
    Optional<String> leakUrl = Optional.ofNullable(row.getString(21));
    Optional<Leak> leak =
        Optional.ofNullable(leakSource)
            .map(source -> new Leak(Leak.Source.valueOf(source), leakUrl));
    KeyEvent event =
        new KeyEvent(
            delivery.eventId(),
            delivery.eventType(),
            instant(row, 13).orElseThrow(),
            delivery.keyId(),
            row.getString(14),
            ApiKeyStatus.valueOf(row.getString(15)),
            Owner.of(OwnerType.valueOf(row.getString(16)), row.getString(17)),
            instant(row, 18),
            row.getString(19),
            leak);
    return new DueDelivery(delivery, event, URI.create(row.getString(22)), row.getString(23));
  }

  private static Optional<Instant> instant(ResultSet row, int column) throws SQLException {
    return Optional.ofNullable(row.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }
}
