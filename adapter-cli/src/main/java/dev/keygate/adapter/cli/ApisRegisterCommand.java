package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.RegisterApiCommand;
import dev.keygate.application.port.in.RegisterApiUseCase;
import dev.keygate.domain.api.Api;
import dev.keygate.wire.ApiResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate apis register}. */
@Command(
    name = "register",
    description = {
      "Registers an API that keys can be issued for. Then define its scopes with 'keygate scopes"
          + " add --api API_ID'.",
      "The audience names the API uniquely, usually by its base URL."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate apis register --name \"Users API\" --audience https://users.example.com")
public final class ApisRegisterCommand implements Callable<Integer> {

  private final RegisterApiUseCase registerApi;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "the API's name, 1-64 characters")
  String name;

  @Option(
      names = "--audience",
      required = true,
      paramLabel = "AUDIENCE",
      description = "its unique audience, 1-64 characters without spaces")
  String audience;

  public ApisRegisterCommand(RegisterApiUseCase registerApi, Principal principal) {
    this.registerApi = registerApi;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Api api = registerApi.register(principal, new RegisterApiCommand(name, audience));
    output.print(
        spec,
        ApiResponses.created(api),
        out ->
            out.println(
                "Registered API " + api.id() + " (" + api.name() + ", " + api.audience() + ")."));
    return ExitCodes.OK;
  }
}
