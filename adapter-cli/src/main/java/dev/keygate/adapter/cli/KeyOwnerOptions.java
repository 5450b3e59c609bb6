package dev.keygate.adapter.cli;

import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import picocli.CommandLine.Option;

/**
 * {@code --org CODE}, {@code --user ID} or {@code --environment}, only one: whose keys. The
 * environment owns keys only, so grants and portal links keep {@link OwnerOptions}.
 */
final class KeyOwnerOptions {

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

  @Option(
      names = "--environment",
      required = true,
      description =
          "the deployment itself (Kinde's environment keys), neither an organization nor a user")
  boolean environment;

  Owner owner() {
    if (orgCode != null) {
      return new Owner.Org(new OrgCode(orgCode));
    }
    if (userId != null) {
      return new Owner.User(new UserId(userId));
    }
    return new Owner.Environment();
  }
}
