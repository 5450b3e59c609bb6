package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.DeleteApplicationUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.wire.SuccessResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate applications delete}. */
@Command(
    name = "delete",
    description = "Deletes an M2M application: its tokens are refused from their next call on.",
    footerHeading = "%nExample:%n",
    footer = "  keygate applications delete 0196f1c2a3b47d0e9f8a7b6c5d4e3f21")
public final class ApplicationsDeleteCommand implements Callable<Integer> {

  private final DeleteApplicationUseCase delete;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "APPLICATION_ID", description = "the application's id (its client id)")
  String id;

  public ApplicationsDeleteCommand(DeleteApplicationUseCase delete, Principal principal) {
    this.delete = delete;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    delete.delete(principal, new ApplicationId(id));
    output.print(spec, SuccessResponse.OK, out -> out.println("Deleted application " + id + "."));
    return ExitCodes.OK;
  }
}
