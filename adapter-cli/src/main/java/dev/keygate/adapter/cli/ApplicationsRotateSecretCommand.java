package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.CreatedApplication;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RotateApplicationSecretUseCase;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.wire.ApplicationResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate applications rotate-secret}. */
@Command(
    name = "rotate-secret",
    description = {
      "Gives an M2M application a new client secret and prints it once. The old secret, and every"
          + " token issued under it, stop working at once."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate applications rotate-secret 0196f1c2a3b47d0e9f8a7b6c5d4e3f21")
public final class ApplicationsRotateSecretCommand implements Callable<Integer> {

  private final RotateApplicationSecretUseCase rotate;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "APPLICATION_ID", description = "the application's id (its client id)")
  String id;

  public ApplicationsRotateSecretCommand(
      RotateApplicationSecretUseCase rotate, Principal principal) {
    this.rotate = rotate;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    CreatedApplication rotated = rotate.rotate(principal, new ApplicationId(id));
    try {
      output.print(
          spec,
          ApplicationResponses.rotated(rotated),
          out -> {
            out.println("New client secret of application " + id + ":");
            out.println("client_secret: " + rotated.clientSecret().reveal());
            out.println("The secret is shown only now.");
          });
    } finally {
      rotated.clientSecret().wipe();
    }
    return ExitCodes.OK;
  }
}
