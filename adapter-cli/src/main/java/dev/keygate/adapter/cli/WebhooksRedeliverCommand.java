package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RedeliverUseCase;
import dev.keygate.domain.event.Delivery;
import dev.keygate.domain.event.DeliveryId;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.wire.WebhookResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate webhooks redeliver}. */
@Command(
    name = "redeliver",
    description = "Sends a delivery again now, whatever became of it.",
    footerHeading = "%nExample:%n",
    footer = {
      "  keygate webhooks redeliver webhook_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d \\",
      "      msg_0196f1c2d5e87a4b9c0d1e2f3a4b5c6e"
    })
public final class WebhooksRedeliverCommand implements Callable<Integer> {

  private final RedeliverUseCase redeliver;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "ID", description = "the webhook's id")
  String id;

  @Parameters(
      index = "1",
      paramLabel = "DELIVERY_ID",
      description = "the delivery's id, as 'webhooks deliveries' shows it")
  String deliveryId;

  public WebhooksRedeliverCommand(RedeliverUseCase redeliver, Principal principal) {
    this.redeliver = redeliver;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Delivery delivery =
        redeliver.redeliver(principal, new WebhookId(id), new DeliveryId(deliveryId));
    output.print(
        spec,
        WebhookResponses.redelivered(delivery),
        out ->
            out.println(
                "Delivery "
                    + delivery.id()
                    + " of webhook "
                    + id
                    + " is scheduled to be sent again now."));
    return ExitCodes.OK;
  }
}
