package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListApisUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.Api;
import dev.keygate.wire.ApiResponses;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keygate apis list}. */
@Command(
    name = "list",
    description = {
      "Lists every registered API, Keygate's own management API (audience keygate-management)"
          + " included."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate apis list")
public final class ApisListCommand implements Callable<Integer> {

  private final ListApisUseCase listApis;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  public ApisListCommand(ListApisUseCase listApis, Principal principal) {
    this.listApis = listApis;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    List<Api> apis = listApis.list(principal);
    output.print(
        spec,
        ApiResponses.listed(apis, api -> Optional.empty()),
        out -> {
          Table table = Table.of("ID", "NAME", "AUDIENCE", "CREATED");
          for (Api api : apis) {
            table.row(api.id().value(), api.name(), api.audience(), Text.time(api.createdOn()));
          }
          table.print(out);
        });
    return ExitCodes.OK;
  }
}
