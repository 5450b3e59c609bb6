package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.DeleteWebhookUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.wire.WebhookResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate webhooks delete}. */
@Command(
    name = "delete",
    description = "Deletes a webhook and its delivery log; deliveries not yet made are dropped.",
    footerHeading = "%nExample:%n",
    footer = "  keygate webhooks delete webhook_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d")
public final class WebhooksDeleteCommand implements Callable<Integer> {

  private final DeleteWebhookUseCase delete;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the webhook's id, as 'webhooks list' shows it")
  String id;

  public WebhooksDeleteCommand(DeleteWebhookUseCase delete, Principal principal) {
    this.delete = delete;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    delete.delete(principal, new WebhookId(id));
    output.print(spec, WebhookResponses.DELETED, out -> out.println("Deleted webhook " + id + "."));
    return ExitCodes.OK;
  }
}
