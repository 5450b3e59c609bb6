package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.UpdateUserCommand;
import dev.keygate.application.port.in.UpdateUserUseCase;
import dev.keygate.domain.owner.UserAccount;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.OwnerResponses;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keygate users rename}. */
@Command(
    name = "rename",
    description = "Renames a user: the whole name, or the given or family name alone.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate users rename kp_alice --name \"Alice Liddell\"",
      "  keygate users rename kp_alice --family-name Liddell"
    })
public final class UsersRenameCommand implements Callable<Integer> {

  private final UpdateUserUseCase update;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @Parameters(paramLabel = "ID", description = "the user's id")
  String id;

  @ArgGroup(multiplicity = "1")
  NewName newName;

  /** The whole name, or one or both of its parts. */
  static final class NewName {

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "the new name")
    String name;

    @ArgGroup(exclusive = false)
    Parts parts;
  }

  /** Kinde's given and family names. */
  static final class Parts {

    @Option(names = "--given-name", paramLabel = "NAME", description = "the new given name")
    String givenName;

    @Option(names = "--family-name", paramLabel = "NAME", description = "the new family name")
    String familyName;
  }

  public UsersRenameCommand(UpdateUserUseCase update, Principal principal) {
    this.update = update;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Optional<Parts> parts = Optional.ofNullable(newName.parts);
    UserAccount user =
        update.update(
            principal,
            new UserId(id),
            new UpdateUserCommand(
                Optional.ofNullable(newName.name),
                parts.map(given -> given.givenName),
                parts.map(family -> family.familyName)));
    output.print(
        spec,
        OwnerResponses.details(user),
        out -> out.println("Renamed user " + id + " to " + user.name() + "."));
    return ExitCodes.OK;
  }
}
