package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.GetWebhookUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.wire.WebhookResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate webhooks show}. */
@Command(
    name = "show",
    description = "Shows one webhook: its endpoint, events and organization; never its secret.",
    footerHeading = "%nExample:%n",
    footer = "  keygate webhooks show webhook_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d")
public final class WebhooksShowCommand implements Callable<Integer> {

  private final GetWebhookUseCase get;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the webhook's id, as 'webhooks list' shows it")
  String id;

  public WebhooksShowCommand(GetWebhookUseCase get, Principal principal) {
    this.get = get;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Webhook webhook = get.get(principal, new WebhookId(id));
    output.print(spec, WebhookResponses.one(webhook), out -> WebhooksCommands.print(webhook, out));
    return ExitCodes.OK;
  }
}
