package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.AddScopeCommand;
import dev.keygate.application.port.in.AddScopeUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.wire.ApiResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate scopes add}. */
@Command(
    name = "add",
    description = {
      "Defines a scope on an API: a permission that its keys may carry and that verification can"
          + " require. Adding a scope key the API already has is refused with exit code 4."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  keygate scopes add --api api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21 \\",
      "      --key read:users --description \"Read users\""
    })
public final class ScopesAddCommand implements Callable<Integer> {

  private final AddScopeUseCase addScope;
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

  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY",
      description = "the scope, 1-64 characters without spaces, such as read:users")
  String key;

  @Option(
      names = "--description",
      paramLabel = "TEXT",
      defaultValue = "",
      description = "what the scope allows, at most 256 characters")
  String description;

  public ScopesAddCommand(AddScopeUseCase addScope, Principal principal) {
    this.addScope = addScope;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Scope scope = addScope.add(principal, new AddScopeCommand(new ApiId(apiId), key, description));
    output.print(
        spec,
        ApiResponses.scopeCreated(scope),
        out ->
            out.println(
                "Added scope "
                    + scope.key()
                    + " ("
                    + scope.id()
                    + ") to API "
                    + scope.apiId()
                    + "."));
    return ExitCodes.OK;
  }
}
