package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListDeliveriesUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.wire.WebhookResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate webhooks deliveries}. */
@Command(
    name = "deliveries",
    description = {
      "Lists the delivery log of a webhook, newest first: each event sent or to be sent, its"
          + " status (pending, delivered or failed), its attempts and the last answer."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  keygate webhooks deliveries webhook_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d \\",
      "      --limit 20"
    })
public final class WebhooksDeliveriesCommand implements Callable<Integer> {

  private final ListDeliveriesUseCase list;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the webhook's id, as 'webhooks list' shows it")
  String id;

  @Mixin PageOptions paging;

  public WebhooksDeliveriesCommand(ListDeliveriesUseCase list, Principal principal) {
    this.list = list;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Page<Delivery> page = list.list(principal, new WebhookId(id), paging.page(spec));
    output.print(
        spec,
        WebhookResponses.deliveries(page),
        out -> {
          Table table =
              Table.of(
                  "ID", "EVENT", "API KEY", "STATUS", "ATTEMPTS", "CREATED", "NEXT", "LAST ANSWER");
          for (Delivery delivery : page.items()) {
            table.row(
                delivery.id().value(),
                delivery.eventType().wireName(),
                delivery.keyId().value(),
                WebhookResponses.status(delivery.status()),
                String.valueOf(delivery.attempts()),
                Text.time(delivery.createdOn()),
                Text.time(delivery.nextAttemptAt(), Text.NONE),
                lastAnswer(delivery));
          }
          if (table.isEmpty()) {
            out.println("No deliveries.");
            return;
          }
          table.print(out);
          if (page.hasMore()) {
            out.println(
                PageOptions.more(
                    "deliveries", page.items().get(page.items().size() - 1).id().value()));
          }
        });
    return ExitCodes.OK;
  }

  /** The receiver's status code, else the error of the last attempt, else nothing. */
  private static String lastAnswer(Delivery delivery) {
    return delivery.lastStatusCode().map(String::valueOf).or(delivery::lastError).orElse(Text.NONE);
  }
}
