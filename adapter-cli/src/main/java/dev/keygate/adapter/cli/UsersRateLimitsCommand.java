package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.OwnerRateLimitsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keygate users rate-limits}. */
@Command(
    name = "rate-limits",
    description = {
      "Shows, sets or clears the rate limits all of a user's keys share: every verification of"
          + " any of their keys counts against each, besides the key's own limits."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate users rate-limits kp_alice",
      "  keygate users rate-limits kp_alice --set daily=10000/1d",
      "  keygate users rate-limits kp_alice --clear"
    })
public final class UsersRateLimitsCommand extends OwnerRateLimitsCommand {

  @Parameters(paramLabel = "ID", description = "the user's id")
  String id;

  public UsersRateLimitsCommand(OwnerRateLimitsUseCase rateLimits, Principal principal) {
    super(rateLimits, principal);
  }

  @Override
  Owner owner() {
    return new Owner.User(new UserId(id));
  }
}
