package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.ListUsersUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.query.Page;
import dev.keygate.application.port.query.UserFilter;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.wire.OwnerResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate users list}. */
@Command(
    name = "list",
    description = "Lists the users, in id order, a page at a time.",
    footerHeading = "%nExample:%n",
    footer = "  keygate users list --output json")
public final class UsersListCommand implements Callable<Integer> {

  private final ListUsersUseCase listUsers;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Mixin PageOptions paging;

  @Option(
      names = "--email",
      paramLabel = "EMAIL",
      description = "only the user with this email, whatever its case; may be repeated")
  List<String> emails = new ArrayList<>();

  public UsersListCommand(ListUsersUseCase listUsers, Principal principal) {
    this.listUsers = listUsers;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Page<UserAccount> page =
        listUsers.list(principal, new UserFilter(Set.of(), Set.copyOf(emails)), paging.page(spec));
    output.print(
        spec,
        OwnerResponses.users(page),
        out -> {
          Table table = Table.of("ID", "NAME", "EMAIL", "CREATED");
          for (UserAccount user : page.items()) {
            table.row(
                user.id().value(),
                user.name(),
                Text.orNone(user.email()),
                Text.time(user.createdOn()));
          }
          if (table.isEmpty()) {
            out.println("No users.");
            return;
          }
          table.print(out);
          if (page.hasMore()) {
            out.println(
                PageOptions.more("users", page.items().get(page.items().size() - 1).id().value()));
          }
        });
    return ExitCodes.OK;
  }
}
