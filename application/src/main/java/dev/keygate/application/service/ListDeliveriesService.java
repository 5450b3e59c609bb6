package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_WEBHOOKS;
import static dev.keygate.domain.audit.AuditAction.WEBHOOK_READ;

import dev.keygate.application.port.in.ListDeliveriesUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.Outbox;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.WebhookId;

/** The delivery log of a webhook within reach, newest first. */
public final class ListDeliveriesService implements ListDeliveriesUseCase {

  private final Outbox outbox;
  private final Webhooks reach;
  private final Authorization authorization;

  ListDeliveriesService(Outbox outbox, Webhooks reach, Authorization authorization) {
    this.outbox = outbox;
    this.reach = reach;
    this.authorization = authorization;
  }

  @Override
  public Page<Delivery> list(Principal principal, WebhookId webhook, PageRequest page) {
    authorization.requireScope(principal, READ_WEBHOOKS, WEBHOOK_READ, webhook.value());
    reach.requireOrganizationOrOperator(principal, WEBHOOK_READ, webhook.value());
    reach.reachable(principal, webhook, WEBHOOK_READ);
    Page<Delivery> found = outbox.deliveries(webhook, page);
    return new Page<>(
        found.items().stream().map(each -> Webhooks.shownTo(principal, each)).toList(),
        found.hasMore());
  }
}
