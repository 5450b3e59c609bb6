package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.CreditLedger;
import dev.keygate.domain.key.ApiKeyId;
import dev.keygate.domain.policy.Credits;
import dev.keygate.domain.policy.Refill;
import dev.keygate.domain.policy.RefillMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link CreditLedger} in the {@code key_credits} table. A spend is one atomic statement on a
 * connection of its own, outside any unit of work: it spends only when enough is left as the row
 * stands when the statement locks it, and applies a refill that fell due together with the spend it
 * makes possible, so concurrent verifications on any number of nodes never spend a credit twice.
 * Setting, lowering and removing credits join the caller's unit of work, with the key's change.
 */
final class JdbcCreditLedger implements CreditLedger {

  /**
   * The count after a due refill: the refill's amount, or the amount added to what is left (up to
   * the most credits a key can hold). Parameters: the amount.
   */
  private static final String SET_REFILL = "cast(? as bigint)";

  private static final String ADD_REFILL =
      "least(remaining + cast(? as bigint), " + Credits.MAX_CREDITS + ")";

  private static final String SPEND =
      "update key_credits set remaining = remaining - ? where key_id = ? and remaining >= ?";

  private static final String READ =
      "select remaining, refilled_at from key_credits where key_id = ?";

  private final DataSource dataSource;
  private final Transactions transactions;
  private final boolean postgres;

  JdbcCreditLedger(DataSource dataSource, Transactions transactions, boolean postgres) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.postgres = postgres;
  }

  @Override
  public Spend spend(ApiKeyId keyId, long cost, Optional<Refill> refill, Instant now) {
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      try (PreparedStatement spend = connection.prepareStatement(spendStatement(refill))) {
        bind(spend, keyId, cost, refill, now);
        try (ResultSet row = spend.executeQuery()) {
          if (row.next()) {
            return new Spend(true, row.getLong(1));
          }
        }
      }
      return new Spend(false, standing(connection, keyId, refill, now));
    } catch (SQLException e) {
      throw new IllegalStateException("could not spend the credits of api key " + keyId, e);
    }
  }

  /**
   * The one statement of a spend, answering the count left when it spent. With a refill, the count
   * it spends from is the refilled one when the refill fell due since the last.
   */
  private String spendStatement(Optional<Refill> refill) {
    String update;
    if (refill.isEmpty()) {
      update = SPEND;
    } else {
      String refilled = refill.get().mode() == RefillMode.SET ? SET_REFILL : ADD_REFILL;
      String due = "refilled_at < cast(? as timestamp with time zone)";
      String from = "(case when " + due + " then " + refilled + " else remaining end)";
      update =
          "update key_credits set remaining = "
              + from
              + " - ?, refilled_at = case when "
              + due
              + " then cast(? as timestamp with time zone) else refilled_at end"
              + " where key_id = ? and "
              + from
              + " >= ?";
    }
    return postgres
        ? update + " returning remaining"
        : "select remaining from final table (" + update + ")";
  }

  private static void bind(
      PreparedStatement spend, ApiKeyId keyId, long cost, Optional<Refill> refill, Instant now)
      throws SQLException {
    if (refill.isEmpty()) {
      spend.setLong(1, cost);
      spend.setString(2, keyId.value());
      spend.setLong(3, cost);
      return;
    }
    OffsetDateTime due = refill.get().lastDue(now).atOffset(ZoneOffset.UTC);
    long amount = refill.get().amount();
    int at = 1;
    // remaining = (case when due then refilled else remaining end) - cost
    spend.setObject(at++, due);
    spend.setLong(at++, amount);
    spend.setLong(at++, cost);
    // refilled_at = case when due then due else refilled_at end
    spend.setObject(at++, due);
    spend.setObject(at++, due);
    // where key_id = ? and (case when due then refilled else remaining end) >= cost
    spend.setString(at++, keyId.value());
    spend.setObject(at++, due);
    spend.setLong(at++, amount);
    spend.setLong(at, cost);
  }

  /** What a refused spend reports: the count as it stands, a refill that fell due applied. */
  private static long standing(
      Connection connection, ApiKeyId keyId, Optional<Refill> refill, Instant now)
      throws SQLException {
    try (PreparedStatement read = connection.prepareStatement(READ)) {
      read.setString(1, keyId.value());
      try (ResultSet row = read.executeQuery()) {
        if (!row.next()) {
          return 0;
        }
        long remaining = row.getLong(1);
        Instant refilledAt = row.getObject(2, OffsetDateTime.class).toInstant();
        if (refill.isEmpty() || !refilledAt.isBefore(refill.get().lastDue(now))) {
          return remaining;
        }
        return refill.get().mode() == RefillMode.SET
            ? refill.get().amount()
            : Math.min(remaining + refill.get().amount(), Credits.MAX_CREDITS);
      }
    }
  }

  @Override
  public void set(ApiKeyId keyId, long remaining, Instant refilledAt) {
    transactions.call(
        em -> {
          OffsetDateTime at = refilledAt.atOffset(ZoneOffset.UTC);
          int updated =
              em.createNativeQuery(
                      "update key_credits set remaining = ?1, refilled_at = ?2 where key_id = ?3")
                  .setParameter(1, remaining)
                  .setParameter(2, at)
                  .setParameter(3, keyId.value())
                  .executeUpdate();
          if (updated == 0) {
            em.createNativeQuery(
                    "insert into key_credits (key_id, remaining, refilled_at) values (?1, ?2, ?3)")
                .setParameter(1, keyId.value())
                .setParameter(2, remaining)
                .setParameter(3, at)
                .executeUpdate();
          }
          return null;
        },
        "the credits of api key " + keyId + " were set concurrently; read the key again");
  }

  @Override
  public void lowerTo(ApiKeyId keyId, long remaining) {
    transactions.call(
        em ->
            em.createNativeQuery(
                    "update key_credits set remaining = least(remaining, ?1) where key_id = ?2")
                .setParameter(1, remaining)
                .setParameter(2, keyId.value())
                .executeUpdate());
  }

  @Override
  public void remove(ApiKeyId keyId) {
    transactions.call(
        em ->
            em.createNativeQuery("delete from key_credits where key_id = ?1")
                .setParameter(1, keyId.value())
                .executeUpdate());
  }
}
