package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.CreateApplicationCommand;
import dev.keygate.application.port.in.CreateApplicationUseCase;
import dev.keygate.application.port.in.CreatedApplication;
import dev.keygate.application.port.in.ManagementScope;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.wire.ApplicationResponses;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
      "With --management-scope it is made ready for the management API in the same step:"
          + " authorized for it with those scopes, as Kinde's SDK needs (KINDE_DOMAIN,"
          + " KINDE_MANAGEMENT_CLIENT_ID, KINDE_MANAGEMENT_CLIENT_SECRET). Authorize it for other"
          + " APIs and grant it their scopes over the REST API (PATCH"
          + " /api/v1/apis/{api_id}/applications)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate applications create --name \"Billing sync\" [--org org_acme]",
      "  keygate applications create --name \"Backend\" --management-scope all",
      "  keygate applications create --name \"Key issuer\" \\",
      "      --management-scope create:api_keys --management-scope read:api_keys"
    })
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

  @Option(
      names = "--management-scope",
      paramLabel = "SCOPE",
      description =
          "a management scope its tokens carry, such as create:api_keys, or all; repeatable")
  List<String> managementScopes = List.of();

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
                name,
                CreateApplicationCommand.M2M,
                Optional.ofNullable(org).map(OrgCode::new),
                managementScopes()));
    try {
      output.print(
          spec,
          ApplicationResponses.created(created),
          out -> {
            out.println("Created application " + created.application().id() + ".");
            out.println("client_id:     " + created.application().id());
            out.println("client_secret: " + created.clientSecret().reveal());
            if (!created.application().apis().isEmpty()) {
              out.println(
                  "Authorized for the management API with: "
                      + Text.list(
                          created.application().scopes().stream()
                              .map(scope -> scope.key())
                              .sorted()
                              .toList()));
            }
            out.println("The secret is shown only now.");
          });
    } finally {
      created.clientSecret().wipe();
    }
    return ExitCodes.OK;
  }

  private Set<ManagementScope> managementScopes() {
    Set<ManagementScope> scopes = EnumSet.noneOf(ManagementScope.class);
    for (String key : managementScopes) {
      if (key.equals("all")) {
        scopes.addAll(EnumSet.allOf(ManagementScope.class));
      } else {
        scopes.add(
            ManagementScope.fromKey(key)
                .orElseThrow(
                    () ->
                        new UsageException(
                            "--management-scope: '"
                                + key
                                + "' is not a management scope (such as read:api_keys) or all")));
      }
    }
    return scopes;
  }
}
