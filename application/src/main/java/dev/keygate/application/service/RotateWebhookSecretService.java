package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_WEBHOOKS;
import static dev.keygate.domain.audit.AuditAction.WEBHOOK_ROTATE_SECRET;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RotateWebhookSecretUseCase;
import dev.keygate.application.port.in.Secret;
import dev.keygate.application.port.out.WebhookRepository;
import dev.keygate.application.port.out.WebhookSender;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;

/** Gives a webhook within reach a new signing secret, answered once. */
public final class RotateWebhookSecretService implements RotateWebhookSecretUseCase {

  private final WebhookRepository webhooks;
  private final Webhooks reach;
  private final Authorization authorization;
  private final WebhookSender sender;
  private final Changes changes;

  RotateWebhookSecretService(
      WebhookRepository webhooks,
      Webhooks reach,
      Authorization authorization,
      WebhookSender sender,
      Changes changes) {
    this.webhooks = webhooks;
    this.reach = reach;
    this.authorization = authorization;
    this.sender = sender;
    this.changes = changes;
  }

  @Override
  public Secret rotate(Principal principal, WebhookId id) {
    authorization.requireScope(principal, UPDATE_WEBHOOKS, WEBHOOK_ROTATE_SECRET, id.value());
    reach.requireOrganizationOrOperator(principal, WEBHOOK_ROTATE_SECRET, id.value());
    Webhook found = reach.reachable(principal, id, WEBHOOK_ROTATE_SECRET);
    WebhookSender.NewSecret secret = sender.newSecret();
    try {
      changes.make(
          principal,
          WEBHOOK_ROTATE_SECRET,
          id.value(),
          Webhooks.ownerOf(found),
          () -> webhooks.replaceSecret(id, secret.stored()));
      return new Secret(secret.shown());
    } finally {
      secret.wipe();
    }
  }
}
