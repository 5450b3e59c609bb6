package dev.keygate.application.port.in;

import dev.keygate.domain.event.Webhook;
import java.util.List;

/** The webhooks within the caller's reach, in id order. */
public interface ListWebhooksUseCase {

  List<Webhook> list(Principal principal);
}
