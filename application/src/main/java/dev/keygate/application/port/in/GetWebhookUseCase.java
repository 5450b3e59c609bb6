package dev.keygate.application.port.in;

import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;

/** One webhook within the caller's reach. */
public interface GetWebhookUseCase {

  Webhook get(Principal principal, WebhookId id);
}
