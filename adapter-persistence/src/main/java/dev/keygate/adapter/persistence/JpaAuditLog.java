package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;

/** {@link AuditLog} as an append-only table, written on Hibernate, read by keyset pages in SQL. */
final class JpaAuditLog implements AuditLog {

  private final Transactions transactions;

  JpaAuditLog(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void record(AuditEvent event) {
    transactions.call(
        em -> {
          em.persist(AuditEventMapper.toEntity(event));
          return null;
        });
  }

  @Override
  public Page<AuditEvent> list(AuditQuery query) {
    boolean oldestFirst = query.order() == AuditQuery.Order.OLDEST_FIRST;
    StringBuilder sql = new StringBuilder(AuditEventEntity.SELECT + " where 1 = 1");
    List<Object> parameters = new ArrayList<>();
    query
        .page()
        .startingAfter()
        .ifPresent(after -> where(sql, parameters, oldestFirst ? "id >" : "id <", after));
    query.target().ifPresent(target -> where(sql, parameters, "target =", target));
    query
        .targetOwner()
        .ifPresent(
            owner -> {
              where(sql, parameters, "owner_type =", owner.type().name());
              where(sql, parameters, "owner_id =", owner.id());
            });
    query.action().ifPresent(action -> where(sql, parameters, "action =", action.name()));
    query.actor().ifPresent(actor -> where(sql, parameters, "actor =", actor));
    query.since().ifPresent(since -> where(sql, parameters, "occurred_on >=", since));
    query.until().ifPresent(until -> where(sql, parameters, "occurred_on <", until));
    sql.append(oldestFirst ? " order by id" : " order by id desc")
        .append(" fetch first ? rows only");
    parameters.add(query.page().size() + 1);
    return transactions.read(
        "audit events",
        connection -> {
          List<AuditEvent> events =
              Rows.list(connection, sql.toString(), parameters, AuditEventEntity::read).stream()
                  .map(AuditEventMapper::toDomain)
                  .toList();
          boolean more = events.size() > query.page().size();
          return new Page<>(more ? events.subList(0, query.page().size()) : events, more);
        });
  }

  private static void where(StringBuilder sql, List<Object> parameters, String test, Object value) {
    sql.append(" and ").append(test).append(" ?");
    parameters.add(value);
  }
}
