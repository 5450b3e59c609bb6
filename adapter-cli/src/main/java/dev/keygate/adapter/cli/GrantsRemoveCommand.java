package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RemoveGrantUseCase;
import dev.keygate.domain.api.ApiId;
import dev.keygate.wire.SuccessResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate grants remove}. */
@Command(
    name = "remove",
    description = {
      "Takes an API out of what one organization (--org) or user (--user) may hold. Keys already"
          + " issued keep their scopes: revoke them if they must stop working."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  keygate grants remove --org org_acme \\",
      "      --api api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21"
    })
public final class GrantsRemoveCommand implements Callable<Integer> {

  private final RemoveGrantUseCase removeGrant;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  OwnerOptions owner;

  @Option(
      names = "--api",
      required = true,
      paramLabel = "API_ID",
      description = "the API's id, as 'grants list' shows it")
  String apiId;

  public GrantsRemoveCommand(RemoveGrantUseCase removeGrant, Principal principal) {
    this.removeGrant = removeGrant;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    ApiId api = new ApiId(apiId);
    removeGrant.remove(principal, owner.owner(), api);
    output.print(
        spec,
        SuccessResponse.OK,
        out ->
            out.println(
                "Removed API " + api + " from what " + Text.owner(owner.owner()) + " may hold."));
    return ExitCodes.OK;
  }
}
