package dev.keygate.adapter.cli;

import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import picocli.CommandLine.Option;

/** {@code --org CODE} or {@code --user ID}, never both: whose keys. */
class OwnerOptions {

  @Option(
      names = "--org",
      required = true,
      paramLabel = "CODE",
      description = "an organization's code, as 'orgs list' shows it")
  String orgCode;

  @Option(
      names = "--user",
      required = true,
      paramLabel = "ID",
      description = "a user's id, as 'users list' shows it")
  String userId;

  Owner owner() {
    return orgCode != null
        ? new Owner.Org(new OrgCode(orgCode))
        : new Owner.User(new UserId(userId));
  }
}
