package dev.keygate.adapter.persistence;

import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.owner.OrgCode;
import java.util.List;
import java.util.Optional;

/**
 * {@link WebhookRepository}: changes on Hibernate, reads in plain SQL. A webhook's deliveries go
 * with it by the schema's cascade, so deleting a webhook, or an organization's, is one statement
 * however long its log is.
 */
final class JpaWebhookRepository implements WebhookRepository {

  private final Transactions transactions;

  JpaWebhookRepository(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(Webhook webhook, String storedSecret) {
    transactions.call(
        em -> {
          WebhookEntity entity = new WebhookEntity();
          WebhookMapper.copy(webhook, entity);
          entity.signingSecret = storedSecret;
          em.persist(entity);
          return null;
        },
        "webhook " + webhook.id() + " exists already");
  }

  @Override
  public Optional<Webhook> findById(WebhookId id) {
    return transactions.read(
        "webhook " + id,
        connection ->
            Rows.first(
                    connection,
                    WebhookEntity.SELECT + " where id = ?",
                    List.of(id.value()),
                    WebhookEntity::read)
                .map(WebhookMapper::toDomain));
  }

  @Override
  public List<Webhook> list(Optional<OrgCode> org) {
    return transactions.read(
        "webhooks",
        connection ->
            Rows.list(
                    connection,
                    WebhookEntity.SELECT
                        + (org.isPresent() ? " where org_code = ?" : "")
                        + " order by id",
                    org.map(code -> List.of(code.value())).orElse(List.of()),
                    WebhookEntity::read)
                .stream()
                .map(WebhookMapper::toDomain)
                .toList());
  }

  @Override
  public Webhook update(Webhook webhook) {
    return transactions.call(
        em -> {
          WebhookEntity entity = em.find(WebhookEntity.class, webhook.id().value());
          if (entity == null) {
            throw new NotFoundException("webhook " + webhook.id() + " not found");
          }
          // only what an update may change: the endpoint, owner and creation stay as stored
          entity.name = webhook.name();
          entity.description = webhook.description().orElse(null);
          entity.eventTypes = WebhookMapper.eventTypes(webhook.eventTypes());
          return WebhookMapper.toDomain(entity);
        });
  }

  @Override
  public void replaceSecret(WebhookId id, String storedSecret) {
    transactions.call(
        em -> {
          WebhookEntity entity = em.find(WebhookEntity.class, id.value());
          if (entity == null) {
            throw new NotFoundException("webhook " + id + " not found");
          }
          entity.signingSecret = storedSecret;
          return null;
        });
  }

  @Override
  public boolean delete(WebhookId id) {
    return transactions.call(
        em -> {
          WebhookEntity entity = em.find(WebhookEntity.class, id.value());
          if (entity == null) {
            return false;
          }
          em.remove(entity);
          return true;
        });
  }

  @Override
  public void deleteOf(OrgCode org) {
    transactions.call(
        em ->
            em.createQuery("delete from WebhookEntity w where w.orgCode = :org")
                .setParameter("org", org.value())
                .executeUpdate());
  }
}
