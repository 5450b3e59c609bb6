package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.AuditLog;
import dev.keygate.application.port.query.AuditQuery;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.audit.AuditEvent;
import jakarta.persistence.TypedQuery;
import java.util.List;

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
    StringBuilder jpql = new StringBuilder("select e from AuditEventEntity e where e.id > :after");
    query.target().ifPresent(target -> jpql.append(" and e.target = :target"));
    query
        .targetOwner()
        .ifPresent(owner -> jpql.append(" and e.ownerType = :ownerType and e.ownerId = :ownerId"));
    jpql.append(" order by e.id");
    return transactions.call(
        em -> {
          TypedQuery<AuditEventEntity> select =
              em.createQuery(jpql.toString(), AuditEventEntity.class)
                  .setParameter("after", query.page().startingAfter().orElse(""))
                  .setMaxResults(query.page().size() + 1);
          query.target().ifPresent(target -> select.setParameter("target", target));
          query
              .targetOwner()
              .ifPresent(
                  owner ->
                      select
                          .setParameter("ownerType", owner.type().name())
                          .setParameter("ownerId", owner.id()));
          List<AuditEvent> events =
              select.getResultList().stream().map(AuditEventMapper::toDomain).toList();
          boolean more = events.size() > query.page().size();
          return new Page<>(more ? events.subList(0, query.page().size()) : events, more);
        });
  }
}
