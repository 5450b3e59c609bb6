package dev.keygate.adapter.cli;

import dev.keygate.domain.owner.Owner;
import picocli.CommandLine.Option;

/**
 * {@code --org CODE}, {@code --user ID} or {@code --environment}, only one: whose keys. The
 * environment owns keys only, so grants and portal links keep {@link OwnerOptions}.
 */
final class KeyOwnerOptions extends OwnerOptions {

  @Option(
      names = "--environment",
      required = true,
      description =
          "the deployment itself (Kinde's environment keys), neither an organization nor a user")
  boolean environment;

  @Override
  Owner owner() {
    return orgCode == null && userId == null ? new Owner.Environment() : super.owner();
  }
}
