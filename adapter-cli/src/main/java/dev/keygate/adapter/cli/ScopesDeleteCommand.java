package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.DeleteScopeUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.ScopeId;
import dev.keygate.wire.SuccessResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate scopes delete}. */
@Command(
    name = "delete",
    description = "Deletes a scope of an API and takes it away from every key that held it.",
    footerHeading = "%nExample:%n",
    footer = {
      "  keygate scopes delete --api api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21 \\",
      "      api_scope_0196f1c2b0c47e1fa2b3c4d5e6f7a8b9"
    })
public final class ScopesDeleteCommand implements Callable<Integer> {

  private final DeleteScopeUseCase deleteScope;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--api",
      required = true,
      paramLabel = "API_ID",
      description = "the API's id, as 'apis list' shows it")
  String apiId;

  @Parameters(
      paramLabel = "SCOPE_ID",
      description = "the scope's id, as 'scopes list --api API_ID' shows it")
  String scopeId;

  public ScopesDeleteCommand(DeleteScopeUseCase deleteScope, Principal principal) {
    this.deleteScope = deleteScope;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    ScopeId id = new ScopeId(scopeId);
    deleteScope.delete(principal, new ApiId(apiId), id);
    output.print(spec, SuccessResponse.OK, out -> out.println("Deleted scope " + id + "."));
    return ExitCodes.OK;
  }
}
