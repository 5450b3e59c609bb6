package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ApiDetails;
import dev.keygate.application.port.in.GetApiUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.Api;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.wire.ApiResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate apis show}. */
@Command(
    name = "show",
    description = "Shows one API with its scopes.",
    footerHeading = "%nExample:%n",
    footer = "  keygate apis show api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21")
public final class ApisShowCommand implements Callable<Integer> {

  private final GetApiUseCase getApi;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "API_ID", description = "the API's id, as 'apis list' shows it")
  String apiId;

  public ApisShowCommand(GetApiUseCase getApi, Principal principal) {
    this.getApi = getApi;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    ApiDetails details = getApi.get(principal, new ApiId(apiId));
    Api api = details.api();
    output.print(
        spec,
        ApiResponses.one(api, details.scopes()),
        out -> {
          new Fields()
              .add("Id", api.id().value())
              .add("Name", api.name())
              .add("Audience", api.audience())
              .add("Management API", api.isManagement() ? "yes" : "no")
              .add("Created", Text.time(api.createdOn()))
              .print(out);
          out.println();
          if (details.scopes().isEmpty()) {
            out.println("No scopes yet: add one with 'keygate scopes add --api " + api.id() + "'.");
            return;
          }
          Table scopes = Table.of("SCOPE ID", "KEY", "DESCRIPTION");
          for (Scope scope : details.scopes()) {
            scopes.row(scope.id().value(), scope.key(), scope.description());
          }
          scopes.print(out);
        });
    return ExitCodes.OK;
  }
}
