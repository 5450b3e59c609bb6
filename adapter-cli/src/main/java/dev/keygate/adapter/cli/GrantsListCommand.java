package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListGrantsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import dev.keygate.wire.GrantResponses;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keygate grants list}. */
@Command(
    name = "list",
    description = "Lists what one organization (--org) or user (--user) may hold, API by API.",
    footerHeading = "%nExample:%n",
    footer = "  keygate grants list --org org_acme")
public final class GrantsListCommand implements Callable<Integer> {

  private final ListGrantsUseCase listGrants;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  OwnerOptions owner;

  public GrantsListCommand(ListGrantsUseCase listGrants, Principal principal) {
    this.listGrants = listGrants;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    List<Grant> grants = listGrants.list(principal, owner.owner());
    output.print(
        spec,
        GrantResponses.listed(grants),
        out -> {
          Table table = Table.of("API", "SCOPES", "GRANTED", "BY");
          for (Grant grant : grants) {
            table.row(
                grant.apiId().value(),
                GrantResponses.scopes(grant).stream()
                    .map(Scope::key)
                    .collect(Collectors.joining(", ")),
                Text.time(grant.grantedOn()),
                grant.grantedBy());
          }
          if (table.isEmpty()) {
            out.println(
                "No grants: only the operator can make keys for "
                    + Text.owner(owner.owner())
                    + ".");
            return;
          }
          table.print(out);
        });
    return ExitCodes.OK;
  }
}
