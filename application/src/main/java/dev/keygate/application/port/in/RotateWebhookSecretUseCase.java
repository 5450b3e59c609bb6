package dev.keygate.application.port.in;

import dev.keygate.domain.event.WebhookId;

/**
 * Gives a webhook a new signing secret, shown in this answer only; every later attempt is signed
 * with it.
 */
public interface RotateWebhookSecretUseCase {

  Secret rotate(Principal principal, WebhookId id);
}
