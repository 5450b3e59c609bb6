package dev.keygate.application.service;

import static dev.keygate.application.port.in.ManagementScope.UPDATE_WEBHOOKS;
import static dev.keygate.domain.audit.AuditAction.WEBHOOK_REDELIVER;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RedeliverUseCase;
import dev.keygate.application.port.out.Outbox;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import java.time.Clock;

/** Makes a delivery of a webhook within reach due again now, whatever became of it. */
public final class RedeliverService implements RedeliverUseCase {

  private final Outbox outbox;
  private final Webhooks reach;
  private final Authorization authorization;
  private final Changes changes;
  private final Clock clock;

  RedeliverService(
      Outbox outbox, Webhooks reach, Authorization authorization, Changes changes, Clock clock) {
    this.outbox = outbox;
    this.reach = reach;
    this.authorization = authorization;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public Delivery redeliver(Principal principal, WebhookId webhook, DeliveryId delivery) {
    authorization.requireScope(principal, UPDATE_WEBHOOKS, WEBHOOK_REDELIVER, delivery.value());
    reach.requireOrganizationOrOperator(principal, WEBHOOK_REDELIVER, delivery.value());
    Webhook found = reach.reachable(principal, webhook, WEBHOOK_REDELIVER);
    // A delivery of another webhook answers as one that does not exist.
    outbox
        .findDelivery(delivery)
        .filter(existing -> existing.webhook().equals(webhook))
        .orElseThrow(() -> new NotFoundException("delivery " + delivery + " not found"));
    return Webhooks.shownTo(
        principal,
        changes.make(
            principal,
            WEBHOOK_REDELIVER,
            delivery.value(),
            made -> Webhooks.ownerOf(found),
            () -> outbox.redeliver(delivery, clock.instant())));
  }
}
