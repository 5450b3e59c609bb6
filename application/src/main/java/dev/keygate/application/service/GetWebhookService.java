package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.READ_WEBHOOKS;
import static dev.keygate.domain.audit.AuditAction.WEBHOOK_READ;

import dev.keygate.application.port.in.GetWebhookUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;

/** Reads one webhook within reach. */
public final class GetWebhookService implements GetWebhookUseCase {

  private final Webhooks reach;
  private final Authorization authorization;

  GetWebhookService(Webhooks reach, Authorization authorization) {
    this.reach = reach;
    this.authorization = authorization;
  }

  @Override
  public Webhook get(Principal principal, WebhookId id) {
    authorization.requireScope(principal, READ_WEBHOOKS, WEBHOOK_READ, id.value());
    reach.requireOrganizationOrOperator(principal, WEBHOOK_READ, id.value());
    return reach.reachable(principal, id, WEBHOOK_READ);
  }
}
