package dev.keygate.application.port.in;

import dev.keygate.domain.event.WebhookId;

/** Deletes a webhook and its delivery log; deliveries not yet made are dropped. */
public interface DeleteWebhookUseCase {

  void delete(Principal principal, WebhookId id);
}
