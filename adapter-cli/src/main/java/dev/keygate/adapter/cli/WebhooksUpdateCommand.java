package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateWebhookCommand;
import dev.keygate.application.port.in.UpdateWebhookUseCase;
import dev.keygate.domain.event.Webhook;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.wire.WebhookResponses;
import dev.keygate.wire.WireNames;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate webhooks update}. */
@Command(
    name = "update",
    description = {
      "Renames a webhook, or changes its events or description. Its endpoint and organization"
          + " never change: a new endpoint is a new webhook, with a new secret."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate webhooks update webhook_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d \\",
      "      --name \"Revocations\"",
      "  keygate webhooks update webhook_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d \\",
      "      --event api_key.revoked --event api_key.disabled"
    })
public final class WebhooksUpdateCommand implements Callable<Integer> {

  private final UpdateWebhookUseCase update;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the webhook's id, as 'webhooks list' shows it")
  String id;

  @Option(names = "--name", paramLabel = "NAME", description = "its new name")
  String name;

  @Option(
      names = "--event",
      paramLabel = "TYPE",
      completionCandidates = WebhooksCommands.EventTypeNames.class,
      description = "the event types it receives from now on, replacing them all; repeatable")
  List<String> events;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      description = "its new description; an empty one removes it")
  String description;

  public WebhooksUpdateCommand(UpdateWebhookUseCase update, Principal principal) {
    this.update = update;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    if (name == null && events == null && description == null) {
      throw new UsageException("give at least one of --name, --event and --description");
    }
    Webhook updated =
        update.update(
            principal,
            new WebhookId(id),
            new UpdateWebhookCommand(
                Optional.ofNullable(name),
                Optional.ofNullable(events).map(types -> WireNames.eventTypes("--event", types)),
                Optional.ofNullable(description)
                    .map(text -> text.isEmpty() ? Optional.<String>empty() : Optional.of(text))));
    output.print(
        spec,
        WebhookResponses.one(updated),
        out -> {
          out.println("Updated webhook " + id + ".");
          WebhooksCommands.print(updated, out);
        });
    return ExitCodes.OK;
  }
}
