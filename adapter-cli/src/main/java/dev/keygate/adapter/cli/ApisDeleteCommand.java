package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.DeleteApiUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.ApiId;
import dev.keygate.wire.ApiResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate apis delete}. */
@Command(
    name = "delete",
    description = {
      "Deletes an API and its scopes. Refused with exit code 4 for the management API, and while"
          + " any key issued for the API exists, revoked keys included."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate apis delete api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21")
public final class ApisDeleteCommand implements Callable<Integer> {

  private final DeleteApiUseCase deleteApi;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "API_ID", description = "the API's id, as 'apis list' shows it")
  String apiId;

  public ApisDeleteCommand(DeleteApiUseCase deleteApi, Principal principal) {
    this.deleteApi = deleteApi;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    ApiId id = new ApiId(apiId);
    deleteApi.delete(principal, id);
    output.print(spec, ApiResponses.DELETED, out -> out.println("Deleted API " + id + "."));
    return ExitCodes.OK;
  }
}
