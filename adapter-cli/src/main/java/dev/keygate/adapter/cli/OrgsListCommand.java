package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListOrganizationsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.query.ListOrder;
import dev.keygate.application.port.query.Page;
import dev.keygate.domain.owner.Organization;
import dev.keygate.wire.OwnerResponses;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keygate orgs list}. */
@Command(
    name = "list",
    description = "Lists the organizations, in code order, a page at a time.",
    footerHeading = "%nExample:%n",
    footer = "  keygate orgs list --limit 20")
public final class OrgsListCommand implements Callable<Integer> {

  private final ListOrganizationsUseCase listOrganizations;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Mixin PageOptions paging;

  public OrgsListCommand(ListOrganizationsUseCase listOrganizations, Principal principal) {
    this.listOrganizations = listOrganizations;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Page<Organization> page = listOrganizations.list(principal, paging.page(spec));
    output.print(
        spec,
        OwnerResponses.organizations(page, ListOrder.ID),
        out -> {
          Table table = Table.of("CODE", "NAME", "CREATED");
          for (Organization organization : page.items()) {
            table.row(
                organization.code().value(),
                organization.name(),
                Text.time(organization.createdOn()));
          }
          if (table.isEmpty()) {
            out.println("No organizations.");
            return;
          }
          table.print(out);
          if (page.hasMore()) {
            out.println(
                PageOptions.more(
                    "organizations", page.items().get(page.items().size() - 1).code().value()));
          }
        });
    return ExitCodes.OK;
  }
}
