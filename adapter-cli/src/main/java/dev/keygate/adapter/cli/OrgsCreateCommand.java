package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.CreateOrganizationCommand;
import dev.keygate.application.port.in.CreateOrganizationUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Organization;
import dev.keygate.wire.OwnerResponses;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate orgs create}. */
@Command(
    name = "create",
    description = {
      "Creates an organization that API keys can be issued to (keys create --org CODE).",
      "Give --code to use your application's own code for the tenant; otherwise Keygate makes one:"
          + " org_ and 12 hex digits."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate orgs create --name Acme --code org_acme")
public final class OrgsCreateCommand implements Callable<Integer> {

  private final CreateOrganizationUseCase createOrganization;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "the organization's name, 1-128 characters")
  String name;

  @Option(
      names = "--code",
      paramLabel = "CODE",
      description = "its code, 1-64 of A-Z a-z 0-9 _ . : - (default: generated)")
  String code;

  public OrgsCreateCommand(CreateOrganizationUseCase createOrganization, Principal principal) {
    this.createOrganization = createOrganization;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Organization organization =
        createOrganization.create(
            principal,
            new CreateOrganizationCommand(name, Optional.ofNullable(code).map(OrgCode::new)));
    output.print(
        spec,
        OwnerResponses.created(organization),
        out ->
            out.println(
                "Created organization " + organization.code() + " (" + organization.name() + ")."));
    return ExitCodes.OK;
  }
}
