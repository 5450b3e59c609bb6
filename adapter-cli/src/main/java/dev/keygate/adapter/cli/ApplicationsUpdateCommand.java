package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateApplicationUseCase;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.wire.SuccessResponse;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate applications update}. */
@Command(
    name = "update",
    description = "Renames an M2M application.",
    footerHeading = "%nExample:%n",
    footer = "  keygate applications update 0196f1c2a3b47d0e9f8a7b6c5d4e3f21 --name \"Billing\"")
public final class ApplicationsUpdateCommand implements Callable<Integer> {

  private final UpdateApplicationUseCase update;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "APPLICATION_ID", description = "the application's id (its client id)")
  String id;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "its new name")
  String name;

  public ApplicationsUpdateCommand(UpdateApplicationUseCase update, Principal principal) {
    this.update = update;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    update.update(principal, new ApplicationId(id), Optional.of(name));
    output.print(spec, SuccessResponse.OK, out -> out.println("Renamed application " + id + "."));
    return ExitCodes.OK;
  }
}
