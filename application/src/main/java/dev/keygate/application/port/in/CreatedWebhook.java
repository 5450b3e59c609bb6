package dev.keygate.application.port.in;

import dev.keygate.domain.event.Webhook;
import java.util.Objects;

/**
 * A webhook just created, with its signing secret: shown in this answer and never again.
 *
 * @param signingSecret {@code whsec_} and base64, as Standard Webhooks libraries take it
 */
public record CreatedWebhook(Webhook webhook, Secret signingSecret) {
  public CreatedWebhook {
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(signingSecret, "signing secret");
  }
}
