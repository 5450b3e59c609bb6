package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.DeleteUserUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.SuccessResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate users delete}. */
@Command(
    name = "delete",
    description = "Deletes a user with their grants; refused while they own live keys.",
    footerHeading = "%nExample:%n",
    footer = "  keygate users delete kp_alice")
public final class UsersDeleteCommand implements Callable<Integer> {

  private final DeleteUserUseCase delete;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the user's id")
  String id;

  public UsersDeleteCommand(DeleteUserUseCase delete, Principal principal) {
    this.delete = delete;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    delete.delete(principal, new UserId(id));
    output.print(spec, SuccessResponse.OK, out -> out.println("Deleted user " + id + "."));
    return ExitCodes.OK;
  }
}
