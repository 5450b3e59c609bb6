package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.DELETE_WEBHOOKS;
import static dev.keygate.domain.audit.AuditAction.WEBHOOK_DELETE;

import dev.keygate.application.port.in.DeleteWebhookUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;

/** Deletes a webhook within reach, with its delivery log. */
public final class DeleteWebhookService implements DeleteWebhookUseCase {

  private final WebhookRepository webhooks;
  private final Webhooks reach;
  private final Authorization authorization;
  private final Changes changes;

  DeleteWebhookService(
      WebhookRepository webhooks, Webhooks reach, Authorization authorization, Changes changes) {
    this.webhooks = webhooks;
    this.reach = reach;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public void delete(Principal principal, WebhookId id) {
    authorization.requireScope(principal, DELETE_WEBHOOKS, WEBHOOK_DELETE, id.value());
    reach.requireOrganizationOrOperator(principal, WEBHOOK_DELETE, id.value());
    Webhook found = reach.reachable(principal, id, WEBHOOK_DELETE);
    changes.make(
        principal,
        WEBHOOK_DELETE,
        id.value(),
        Webhooks.ownerOf(found),
        () -> {
          if (!webhooks.delete(id)) {
            throw new NotFoundException("webhook " + id + " not found");
          }
        });
  }
}
