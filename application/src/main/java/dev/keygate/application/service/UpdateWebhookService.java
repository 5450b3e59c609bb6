package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_WEBHOOKS;
import static dev.keygate.domain.audit.AuditAction.WEBHOOK_UPDATE;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateWebhookCommand;
import dev.keygate.application.port.in.UpdateWebhookUseCase;
import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;

/** Changes a webhook's name, description or event types; its endpoint and organization stay. */
public final class UpdateWebhookService implements UpdateWebhookUseCase {

  private final WebhookRepository webhooks;
  private final Webhooks reach;
  private final Authorization authorization;
  private final Changes changes;

  UpdateWebhookService(
      WebhookRepository webhooks, Webhooks reach, Authorization authorization, Changes changes) {
    this.webhooks = webhooks;
    this.reach = reach;
    this.authorization = authorization;
    this.changes = changes;
  }

  @Override
  public Webhook update(Principal principal, WebhookId id, UpdateWebhookCommand command) {
    authorization.requireScope(principal, UPDATE_WEBHOOKS, WEBHOOK_UPDATE, id.value());
    reach.requireOrganizationOrOperator(principal, WEBHOOK_UPDATE, id.value());
    Webhook found = reach.reachable(principal, id, WEBHOOK_UPDATE);
    Webhook changed =
        new Webhook(
            found.id(),
            command.name().orElse(found.name()),
            found.endpoint(),
            command.description().orElse(found.description()),
            command.eventTypes().map(Webhooks::eventTypes).orElse(found.eventTypes()),
            found.org(),
            found.createdOn(),
            found.createdBy());
    return changes.make(
        principal,
        WEBHOOK_UPDATE,
        id.value(),
        made -> Webhooks.ownerOf(found),
        () -> webhooks.update(changed));
  }
}
