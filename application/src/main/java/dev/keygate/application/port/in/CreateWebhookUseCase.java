package dev.keygate.application.port.in;

/**
 * Creates a webhook; a caller confined to an organization creates one for that organization only.
 */
public interface CreateWebhookUseCase {

  CreatedWebhook create(Principal principal, CreateWebhookCommand command);
}
