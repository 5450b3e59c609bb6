package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.CreateUserCommand;
import dev.keygate.application.port.in.CreateUserUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.OwnerResponses;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate users create}. */
@Command(
    name = "create",
    description = {
      "Creates a user who can hold API keys of their own (keys create --user ID).",
      "Give --id to use your application's own id for the person; otherwise Keygate makes one: kp_"
          + " and 32 hex digits."
    },
    footerHeading = "%nExample:%n",
    footer = "  keygate users create --id kp_alice --name Alice --email alice@example.com")
public final class UsersCreateCommand implements Callable<Integer> {

  private final CreateUserUseCase createUser;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "the user's name, 1-128 characters")
  String name;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "their id, 1-64 of A-Z a-z 0-9 _ . : - (default: generated)")
  String id;

  @Option(names = "--email", paramLabel = "EMAIL", description = "their email address")
  String email;

  public UsersCreateCommand(CreateUserUseCase createUser, Principal principal) {
    this.createUser = createUser;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    UserAccount user =
        createUser.create(
            principal,
            new CreateUserCommand(
                Optional.ofNullable(id).map(UserId::new), name, Optional.ofNullable(email)));
    output.print(
        spec,
        OwnerResponses.created(user),
        out -> out.println("Created user " + user.id() + " (" + user.name() + ")."));
    return ExitCodes.OK;
  }
}
