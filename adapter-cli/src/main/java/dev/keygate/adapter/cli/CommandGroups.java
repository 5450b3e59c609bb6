package dev.keygate.adapter.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The nouns of the command line ({@code keygate keys …}, {@code keygate apis …}): each only chooses
 * one of the commands registered under it.
 */
public final class CommandGroups {

  private CommandGroups() {}

  /** Run without a command: a usage error that lists the commands. */
  abstract static class Group implements Runnable {

    @Spec CommandSpec spec;

    @Mixin HelpOption help;

    @Override
    public void run() {
      throw new ParameterException(
          spec.commandLine(),
          "choose a command: " + String.join(", ", spec.subcommands().keySet()));
    }
  }

  /** {@code keygate orgs}. */
  @Command(
      name = "orgs",
      description = "Organizations: the companies that API keys can be issued to.")
  public static final class Orgs extends Group {}

  /** {@code keygate users}. */
  @Command(name = "users", description = "Users: the people who can hold API keys of their own.")
  public static final class Users extends Group {}

  /** {@code keygate apis}. */
  @Command(name = "apis", description = "APIs: what keys are issued for, each with its scopes.")
  public static final class Apis extends Group {}

  /** {@code keygate scopes}. */
  @Command(
      name = "scopes",
      description = "Scopes: the permissions an API defines, such as read:users.")
  public static final class Scopes extends Group {}

  /** {@code keygate keys}. */
  @Command(
      name = "keys",
      description =
          "API keys: issue, inspect, update, verify, rotate, disable, enable and revoke them, and"
              + " see their usage.")
  public static final class Keys extends Group {}

  /** {@code keygate grants}. */
  @Command(
      name = "grants",
      description =
          "Grants: which APIs and scopes each organization or user may hold. Their own keys and"
              + " portal links can make keys within them only; the operator decides.")
  public static final class Grants extends Group {}

  /** {@code keygate audit}. */
  @Command(name = "audit", description = "The audit trail: who did what to which object, and when.")
  public static final class Audit extends Group {}

  /** {@code keygate applications}. */
  @Command(
      name = "applications",
      description =
          "M2M applications: OAuth clients that trade their id and secret for access tokens.")
  public static final class Applications extends Group {}

  /** {@code keygate signing-keys}. */
  @Command(name = "signing-keys", description = "The keys that sign the access tokens.")
  public static final class SigningKeys extends Group {}

  /** {@code keygate webhooks}. */
  @Command(
      name = "webhooks",
      description =
          "Webhooks: endpoints told of key events (created, rotated, revoked, leaked, expiring"
              + " …), signed with a secret of their own; their delivery logs.")
  public static final class Webhooks extends Group {}
}
