package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link AuditLog} as an append-only table read by keyset pages. */
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
    StringBuilder jpql = new StringBuilder("select e from AuditEventEntity e where 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    query
        .page()
        .startingAfter()
        .ifPresent(
            after -> where(jpql, parameters, oldestFirst ? "e.id >" : "e.id <", "after", after));
    query.target().ifPresent(target -> where(jpql, parameters, "e.target =", "target", target));
    query
        .targetOwner()
        .ifPresent(
            owner -> {
              where(jpql, parameters, "e.ownerType =", "ownerType", owner.type().name());
              where(jpql, parameters, "e.ownerId =", "ownerId", owner.id());
            });
    query
        .action()
        .ifPresent(action -> where(jpql, parameters, "e.action =", "action", action.name()));
    query.actor().ifPresent(actor -> where(jpql, parameters, "e.actor =", "actor", actor));
    query.since().ifPresent(since -> where(jpql, parameters, "e.occurredOn >=", "since", since));
    query.until().ifPresent(until -> where(jpql, parameters, "e.occurredOn <", "until", until));
    jpql.append(oldestFirst ? " order by e.id" : " order by e.id desc");
    return transactions.call(
        em -> {
          TypedQuery<AuditEventEntity> select =
              em.createQuery(jpql.toString(), AuditEventEntity.class)
                  .setMaxResults(query.page().size() + 1);
          parameters.forEach(select::setParameter);
          List<AuditEvent> events =
              select.getResultList().stream().map(AuditEventMapper::toDomain).toList();
          boolean more = events.size() > query.page().size();
          return new Page<>(more ? events.subList(0, query.page().size()) : events, more);
        });
  }

  private static void where(
      StringBuilder jpql, Map<String, Object> parameters, String test, String name, Object value) {
    jpql.append(" and ").append(test).append(" :").append(name);
    parameters.put(name, value);
  }
}
