package dev.keygate.application.port.in;

import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.WebhookId;

/** Sends a delivery of a webhook within the caller's reach again, now, whatever became of it. */
public interface RedeliverUseCase {

  Delivery redeliver(Principal principal, WebhookId webhook, DeliveryId delivery);
}
