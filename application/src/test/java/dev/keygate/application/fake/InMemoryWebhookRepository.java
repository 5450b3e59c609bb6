package dev.keygate.application.fake;

import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.domain.ConflictException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.domain.owner.OrgCode;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link WebhookRepository} in sorted maps, taking part in the {@link InMemoryUnitOfWork}. A
 * deleted webhook's deliveries go with it: {@link InMemoryOutbox} shows only those of webhooks held
 * here.
 */
public final class InMemoryWebhookRepository implements WebhookRepository {

  private final TreeMap<String, Webhook> webhooks = new TreeMap<>();
  private final TreeMap<String, String> secrets = new TreeMap<>();

  @Override
  public synchronized void add(Webhook webhook, String storedSecret) {
    String id = webhook.id().value();
    if (webhooks.containsKey(id)) {
      throw new ConflictException("webhook " + id + " already exists");
    }
    InMemoryUnitOfWork.willChange(this, webhooks, id);
    InMemoryUnitOfWork.willChange(this, secrets, id);
    webhooks.put(id, webhook);
    secrets.put(id, storedSecret);
  }

  @Override
  public synchronized Optional<Webhook> findById(WebhookId id) {
    return Optional.ofNullable(webhooks.get(id.value()));
  }

  @Override
  public synchronized List<Webhook> list(Optional<OrgCode> org) {
    return webhooks.values().stream()
        .filter(webhook -> org.isEmpty() || webhook.org().equals(org))
        .toList();
  }

  @Override
  public synchronized Webhook update(Webhook webhook) {
    String id = webhook.id().value();
    Webhook stored = webhooks.get(id);
    if (stored == null) {
      throw new NotFoundException("webhook " + id + " not found");
    }
    // Endpoint, organization and creation stay as they were stored.
    Webhook changed =
        new Webhook(
            stored.id(),
            webhook.name(),
            stored.endpoint(),
            webhook.description(),
            webhook.eventTypes(),
            stored.org(),
            stored.createdOn(),
            stored.createdBy());
    InMemoryUnitOfWork.willChange(this, webhooks, id);
    webhooks.put(id, changed);
    return changed;
  }

  @Override
  public synchronized void replaceSecret(WebhookId id, String storedSecret) {
    if (!webhooks.containsKey(id.value())) {
      throw new NotFoundException("webhook " + id + " not found");
    }
    InMemoryUnitOfWork.willChange(this, secrets, id.value());
    secrets.put(id.value(), storedSecret);
  }

  @Override
  public synchronized boolean delete(WebhookId id) {
    if (!webhooks.containsKey(id.value())) {
      return false;
    }
    InMemoryUnitOfWork.willChange(this, webhooks, id.value());
    InMemoryUnitOfWork.willChange(this, secrets, id.value());
    webhooks.remove(id.value());
    secrets.remove(id.value());
    return true;
  }

  @Override
  public synchronized void deleteOf(OrgCode org) {
    for (Webhook webhook : list(Optional.of(org))) {
      delete(webhook.id());
    }
  }

  /** The stored form of the webhook's secret, as the outbox hands it to the sender. */
  public synchronized Optional<String> storedSecret(WebhookId id) {
    return Optional.ofNullable(secrets.get(id.value()));
  }
}
