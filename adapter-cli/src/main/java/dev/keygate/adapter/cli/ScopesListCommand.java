package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListScopesUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.wire.ApiResponses;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate scopes list}. */
@Command(
    name = "list",
    description = "Lists the scopes of one API.",
    footerHeading = "%nExample:%n",
    footer = "  keygate scopes list --api api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21")
public final class ScopesListCommand implements Callable<Integer> {

  private final ListScopesUseCase listScopes;
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

  public ScopesListCommand(ListScopesUseCase listScopes, Principal principal) {
    this.listScopes = listScopes;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    List<Scope> scopes = listScopes.list(principal, new ApiId(apiId));
    output.print(
        spec,
        ApiResponses.scopesListed(scopes),
        out -> {
          Table table = Table.of("ID", "KEY", "DESCRIPTION");
          for (Scope scope : scopes) {
            table.row(scope.id().value(), scope.key(), scope.description());
          }
          if (table.isEmpty()) {
            out.println("No scopes.");
            return;
          }
          table.print(out);
        });
    return ExitCodes.OK;
  }
}
