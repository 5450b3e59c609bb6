package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.DeleteOrganizationUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.wire.SuccessResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate orgs delete}. */
@Command(
    name = "delete",
    description =
        "Deletes an organization with its grants; refused while it owns live keys or M2M"
            + " applications act for it.",
    footerHeading = "%nExample:%n",
    footer = "  keygate orgs delete org_acme")
public final class OrgsDeleteCommand implements Callable<Integer> {

  private final DeleteOrganizationUseCase delete;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "CODE", description = "the organization's code")
  String code;

  public OrgsDeleteCommand(DeleteOrganizationUseCase delete, Principal principal) {
    this.delete = delete;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    delete.delete(principal, new OrgCode(code));
    output.print(
        spec, SuccessResponse.OK, out -> out.println("Deleted organization " + code + "."));
    return ExitCodes.OK;
  }
}
