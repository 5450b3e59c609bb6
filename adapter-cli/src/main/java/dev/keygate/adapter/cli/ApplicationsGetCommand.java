package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.GetApplicationUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.application.Application;
import dev.keygate.domain.application.ApplicationId;
import dev.keygate.wire.ApplicationResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate applications get}. */
@Command(
    name = "get",
    description = "Shows an M2M application, never its secret.",
    footerHeading = "%nExample:%n",
    footer = "  keygate applications get 0196f1c2a3b47d0e9f8a7b6c5d4e3f21")
public final class ApplicationsGetCommand implements Callable<Integer> {

  private final GetApplicationUseCase get;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "APPLICATION_ID", description = "the application's id (its client id)")
  String id;

  public ApplicationsGetCommand(GetApplicationUseCase get, Principal principal) {
    this.get = get;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Application application = get.get(principal, new ApplicationId(id));
    output.print(
        spec,
        ApplicationResponses.one(application),
        out -> {
          out.println("id:     " + application.id());
          out.println("name:   " + application.name());
          out.println("org:    " + application.org().map(Object::toString).orElse("(deployment)"));
          out.println(
              "scopes: "
                  + String.join(
                      " ",
                      application.scopes().stream().map(scope -> scope.key()).sorted().toList()));
        });
    return ExitCodes.OK;
  }
}
