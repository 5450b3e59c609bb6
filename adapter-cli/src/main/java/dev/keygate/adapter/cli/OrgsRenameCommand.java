package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateOrganizationUseCase;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.wire.SuccessResponse;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate orgs rename}. */
@Command(
    name = "rename",
    description = "Renames an organization.",
    footerHeading = "%nExample:%n",
    footer = "  keygate orgs rename org_acme --name \"Acme Inc\"")
public final class OrgsRenameCommand implements Callable<Integer> {

  private final UpdateOrganizationUseCase update;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "CODE", description = "the organization's code")
  String code;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "its new name")
  String name;

  public OrgsRenameCommand(UpdateOrganizationUseCase update, Principal principal) {
    this.update = update;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    update.update(principal, new OrgCode(code), Optional.of(name));
    output.print(
        spec, SuccessResponse.OK, out -> out.println("Renamed organization " + code + "."));
    return ExitCodes.OK;
  }
}
