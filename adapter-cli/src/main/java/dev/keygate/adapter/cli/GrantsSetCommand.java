package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.Principal;
import dev.keygate.application.port.in.SetGrantCommand;
import dev.keygate.application.port.in.SetGrantUseCase;
import dev.keygate.domain.api.ApiId;
import dev.keygate.domain.api.Scope;
import dev.keygate.domain.grant.Grant;
import dev.keygate.wire.GrantResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keygate grants set}. */
@Command(
    name = "set",
    description = {
      "Lets one organization (--org) or user (--user) hold the given scopes of an API, and no"
          + " other: its own management keys and portal links may then make and keep keys with"
          + " them. Replaces what it was granted of that API before; keys already issued keep"
          + " their scopes."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  keygate grants set --org org_acme --api api_0196f1c2a3b47d0e9f8a7b6c5d4e3f21 \\",
      "      --scope read:users --scope write:users"
    })
public final class GrantsSetCommand implements Callable<Integer> {

  private final SetGrantUseCase setGrant;
  private final Principal principal;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Mixin OutputOptions output;

  @ArgGroup(exclusive = true, multiplicity = "1")
  OwnerOptions owner;

  @Option(
      names = "--api",
      required = true,
      paramLabel = "API_ID",
      description = "the API's id, as 'apis list' shows it")
  String apiId;

  @Option(
      names = "--scope",
      paramLabel = "SCOPE",
      description = "a scope key (read:users) or id the owner may hold; repeat for more, or none")
  List<String> scopes = new ArrayList<>();

  public GrantsSetCommand(SetGrantUseCase setGrant, Principal principal) {
    this.setGrant = setGrant;
    this.principal = principal;
  }

  @Override
  public Integer call() {
    Grant grant =
        setGrant.set(principal, new SetGrantCommand(owner.owner(), new ApiId(apiId), scopes));
    output.print(
        spec,
        GrantResponses.set(grant),
        out ->
            out.println(
                Text.owner(grant.owner())
                    + " may now hold keys of API "
                    + grant.apiId()
                    + (grant.scopes().isEmpty()
                        ? " with no scope."
                        : " with "
                            + GrantResponses.scopes(grant).stream()
                                .map(Scope::key)
                                .collect(Collectors.joining(", "))
                            + ".")));
    return ExitCodes.OK;
  }
}
