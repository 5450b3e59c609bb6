package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RollSigningKeyUseCase;
import dev.keygate.wire.SuccessResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keygate signing-keys roll}. */
@Command(
    name = "roll",
    description = {
      "Makes a new key sign access tokens from now on. The old key stays published and accepted"
          + " until the last token it signed has expired."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate signing-keys roll")
public final class SigningKeysRollCommand implements Callable<Integer> {

  private final RollSigningKeyUseCase roll;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  public SigningKeysRollCommand(RollSigningKeyUseCase roll, Principal principal) {
    this.roll = roll;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    String kid = roll.roll(principal);
    output.print(
        spec,
        new SuccessResponse("OK", "Signing key rolled"),
        out -> out.println("Access tokens are signed with key " + kid + " from now on."));
    return ExitCodes.OK;
  }
}
