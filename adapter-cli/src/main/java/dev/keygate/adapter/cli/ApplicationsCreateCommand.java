package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.CreateApplicationCommand;
import dev.keygate.application.port.in.CreateApplicationUseCase;
import dev.keygate.application.port.in.CreatedApplication;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.wire.ApplicationResponses;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate applications create}. */
@Command(
    name = "create",
    description = {
      "Creates an M2M application and prints its client id and secret. The secret is shown only"
          + " now: store it safely.",
      "Authorize it for APIs and grant it scopes over the REST API (PATCH"
          + " /api/v1/apis/{api_id}/applications)."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate applications create --name \"Billing sync\" [--org org_acme]")
public final class ApplicationsCreateCommand implements Callable<Integer> {

  private final CreateApplicationUseCase create;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "the application's name, 1-128 characters")
  String name;

  @Option(
      names = "--org",
      paramLabel = "CODE",
      description = "the organization it acts for; the whole deployment when left out")
  String org;

  public ApplicationsCreateCommand(CreateApplicationUseCase create, Principal principal) {
    this.create = create;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    CreatedApplication created =
        create.create(
            principal,
            new CreateApplicationCommand(
                name, CreateApplicationCommand.M2M, Optional.ofNullable(org).map(OrgCode::new)));
    try {
      output.print(
          spec,
          ApplicationResponses.created(created),
          out -> {
            out.println("Created application " + created.application().id() + ".");
            out.println("client_id:     " + created.application().id());
            out.println("client_secret: " + created.clientSecret().reveal());
            out.println("The secret is shown only now.");
          });
    } finally {
      created.clientSecret().wipe();
    }
    return ExitCodes.OK;
  }
}
