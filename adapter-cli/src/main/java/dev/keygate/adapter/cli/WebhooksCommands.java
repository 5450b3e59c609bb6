package dev.keygate.adapter.cli;

import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.wire.WebhookResponses;
import dev.keygate.wire.WireNames;
import java.io.PrintWriter;
import java.util.Iterator;

/** What the {@code keygate webhooks} commands share. */
final class WebhooksCommands {

  private WebhooksCommands() {}

  /** A webhook as labelled lines. */
  static void print(Webhook webhook, PrintWriter out) {
    WebhookResponses.Details details = WebhookResponses.details(webhook);
    new Fields()
        .add("Id", details.id())
        .add("Name", details.name())
        .add("Endpoint", details.endpoint())
        .add("Description", Text.orNone(details.description()))
        .add("Events", String.join(", ", details.eventTypes()))
        .add("Organization", organization(webhook))
        .add("Created", Text.time(webhook.createdOn()) + " by " + webhook.createdBy())
        .print(out);
  }

  /** Its organization's code, or {@code (deployment)} for a deployment-wide webhook. */
  static String organization(Webhook webhook) {
    return webhook.org().map(OrgCode::value).orElse("(deployment)");
  }

  /** The event types a shell completes. */
  static final class EventTypeNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return WireNames.eventTypes().iterator();
    }
  }
}
