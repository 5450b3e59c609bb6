package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListApplicationsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.application.Application;
import dev.keygate.wire.ApplicationResponses;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keygate applications list}. */
@Command(
    name = "list",
    description = "Lists the M2M applications.",
    footerHeading = "%nExample:%n",
    footer = "  keygate applications list")
public final class ApplicationsListCommand implements Callable<Integer> {

  private final ListApplicationsUseCase list;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  public ApplicationsListCommand(ListApplicationsUseCase list, Principal principal) {
    this.list = list;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    List<Application> applications = list.list(principal);
    output.print(
        spec,
        ApplicationResponses.listed(new Page<>(applications, false), ListOrder.ID),
        out -> {
          for (Application application : applications) {
            out.println(
                application.id()
                    + "  "
                    + application.name()
                    + "  "
                    + application.org().map(Object::toString).orElse("(deployment)"));
          }
        });
    return ExitCodes.OK;
  }
}
