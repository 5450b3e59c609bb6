package dev.keygate.application.port.in;

import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.PageRequest;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.WebhookId;

/** The delivery log of a webhook within the caller's reach, newest first. */
public interface ListDeliveriesUseCase {

  Page<Delivery> list(Principal principal, WebhookId webhook, PageRequest page);
}
