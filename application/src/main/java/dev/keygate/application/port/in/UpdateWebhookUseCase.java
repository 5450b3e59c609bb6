package dev.keygate.application.port.in;

import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;

/** Changes a webhook's name, description or event types. */
public interface UpdateWebhookUseCase {

  Webhook update(Principal principal, WebhookId id, UpdateWebhookCommand command);
}
