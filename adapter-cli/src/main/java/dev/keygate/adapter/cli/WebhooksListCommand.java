package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListWebhooksUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.event.Webhook;
import dev.keygate.wire.WebhookResponses;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keygate webhooks list}. */
@Command(
    name = "list",
    description = "Lists the webhooks in id order (oldest first).",
    footerHeading = "%nExample:%n",
    footer = "  keygate webhooks list --output json")
public final class WebhooksListCommand implements Callable<Integer> {

  private final ListWebhooksUseCase list;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  public WebhooksListCommand(ListWebhooksUseCase list, Principal principal) {
    this.list = list;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    List<Webhook> webhooks = list.list(principal);
    output.print(
        spec,
        WebhookResponses.listed(webhooks),
        out -> {
          Table table = Table.of("ID", "NAME", "ENDPOINT", "ORGANIZATION", "EVENTS");
          for (Webhook webhook : webhooks) {
            table.row(
                webhook.id().value(),
                webhook.name(),
                webhook.endpoint().toString(),
                WebhooksCommands.organization(webhook),
                String.join(", ", WebhookResponses.details(webhook).eventTypes()));
          }
          if (table.isEmpty()) {
            out.println("No webhooks.");
            return;
          }
          table.print(out);
        });
    return ExitCodes.OK;
  }
}
