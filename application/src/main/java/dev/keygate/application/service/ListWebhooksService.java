package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_WEBHOOKS;
import static dev.keygate.domain.audit.AuditAction.WEBHOOK_READ;

import dev.keygate.application.port.in.ListWebhooksUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.owner.Owner;
import java.util.List;
import java.util.Optional;

/** Lists the webhooks within reach: all for the operator, its own for an organization. */
public final class ListWebhooksService implements ListWebhooksUseCase {

  private final WebhookRepository webhooks;
  private final Webhooks reach;
  private final Authorization authorization;

  ListWebhooksService(WebhookRepository webhooks, Webhooks reach, Authorization authorization) {
    this.webhooks = webhooks;
    this.reach = reach;
    this.authorization = authorization;
  }

  @Override
  public List<Webhook> list(Principal principal) {
    authorization.requireScope(principal, READ_WEBHOOKS, WEBHOOK_READ, "webhooks");
    reach.requireOrganizationOrOperator(principal, WEBHOOK_READ, "webhooks");
    if (principal.isOperator()) {
      return webhooks.list(Optional.empty());
    }
    Owner.Org org = (Owner.Org) principal.confinement().orElseThrow();
    return webhooks.list(Optional.of(org.code()));
  }
}
