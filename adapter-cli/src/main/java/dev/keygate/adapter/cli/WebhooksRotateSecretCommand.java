package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RotateWebhookSecretUseCase;
import dev.keygate.application.port.in.Secret;
import dev.keygate.domain.event.WebhookId;
import dev.keygate.wire.WebhookResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate webhooks rotate-secret}. */
@Command(
    name = "rotate-secret",
    description = {
      "Gives a webhook a new signing secret and prints it once; every later attempt is signed"
          + " with it."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate webhooks rotate-secret webhook_0196f1c2d5e87a4b9c0d1e2f3a4b5c6d")
public final class WebhooksRotateSecretCommand implements Callable<Integer> {

  private final RotateWebhookSecretUseCase rotate;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the webhook's id, as 'webhooks list' shows it")
  String id;

  public WebhooksRotateSecretCommand(RotateWebhookSecretUseCase rotate, Principal principal) {
    this.rotate = rotate;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Secret secret = rotate.rotate(principal, new WebhookId(id));
    try {
      output.print(
          spec,
          WebhookResponses.rotated(secret),
          out -> {
            out.println("New signing secret of webhook " + id + ":");
            out.println("signing_secret: " + secret.reveal());
            out.println("The secret is shown only now.");
          });
    } finally {
      secret.wipe();
    }
    return ExitCodes.OK;
  }
}
