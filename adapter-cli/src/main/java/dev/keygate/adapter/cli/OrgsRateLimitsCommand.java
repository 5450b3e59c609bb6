package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.OwnerRateLimitsUseCase;
import dev.keygate.application.port.in.Principal;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keygate orgs rate-limits}. */
@Command(
    name = "rate-limits",
    description = {
      "Shows, sets or clears the rate limits all of an organization's keys share: every"
          + " verification of any of its keys counts against each, besides the key's own limits."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  keygate orgs rate-limits org_acme",
      "  keygate orgs rate-limits org_acme --set burst=1000/1s --set daily=1000000/1d",
      "  keygate orgs rate-limits org_acme --clear"
    })
public final class OrgsRateLimitsCommand extends OwnerRateLimitsCommand {

  @Parameters(paramLabel = "CODE", description = "the organization's code")
  String code;

  public OrgsRateLimitsCommand(OwnerRateLimitsUseCase rateLimits, Principal principal) {
    super(rateLimits, principal);
  }

  @Override
  Owner owner() {
    return new Owner.Org(new OrgCode(code));
  }
}
