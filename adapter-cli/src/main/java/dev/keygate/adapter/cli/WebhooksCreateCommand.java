package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.CreateWebhookCommand;
import dev.keygate.application.port.in.CreateWebhookUseCase;
import dev.keygate.application.port.in.CreatedWebhook;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.event.Webhook;
import dev.keygate.wire.WebhookResponses;
import dev.keygate.wire.WireNames;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate webhooks create}. */
@Command(
    name = "create",
    description = {
      "Creates a webhook: the key events it subscribes to are posted to its endpoint, signed as"
          + " Standard Webhooks sign them. Prints its signing secret, shown only now: store it"
          + " safely (rotate-secret makes a new one).",
      "Without --org it receives the events of every key of the deployment; with it, those of"
          + " that organization's keys."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate webhooks create --endpoint https://hooks.example.com/keygate \\",
      "      --event api_key.revoked --event api_key.leaked",
      "  keygate webhooks create --endpoint https://acme.example.com/hook \\",
      "      --org org_acme --event api_key.expiring --name \"Acme expiry\""
    })
public final class WebhooksCreateCommand implements Callable<Integer> {

  private final CreateWebhookUseCase create;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--endpoint",
      required = true,
      paramLabel = "URL",
      description = "the http or https URL the events are posted to")
  String endpoint;

  @Option(
      names = "--event",
      required = true,
      paramLabel = "TYPE",
      completionCandidates = WebhooksCommands.EventTypeNames.class,
      description = "an event type it receives, such as api_key.revoked; repeatable")
  List<String> events;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "its name, 1-128 characters (default: the endpoint's host)")
  String name;

  @Option(names = "--description", paramLabel = "TEXT", description = "what it is for")
  String description;

  @Option(
      names = "--org",
      paramLabel = "CODE",
      description = "the organization whose keys' events it receives; every key when left out")
  String org;

  public WebhooksCreateCommand(CreateWebhookUseCase create, Principal principal) {
    this.create = create;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    CreatedWebhook created =
        create.create(
            principal,
            new CreateWebhookCommand(
                name != null ? name : Webhook.endpoint(endpoint).getHost(),
                endpoint,
                Optional.ofNullable(description),
                WireNames.eventTypes("--event", events),
                Optional.ofNullable(org)));
    try {
      Webhook webhook = created.webhook();
      output.print(
          spec,
          WebhookResponses.created(created),
          out -> {
            out.println("Created webhook " + webhook.id() + " for " + webhook.endpoint() + ".");
            out.println("signing_secret: " + created.signingSecret().reveal());
            out.println("The secret is shown only now.");
          });
    } finally {
      created.signingSecret().wipe();
    }
    return ExitCodes.OK;
  }
}
