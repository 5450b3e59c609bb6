package dev.keygate.adapter.cli;

import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.application.port.in.Principal;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every command that works on Keygate's data ({@code keygate keys create}, {@code keygate apis
 * list}, …), grouped as the command line reads them and each given the use cases it runs: the one
 * place where the command-line adapter is wired to the application.
 */
public final class LocalCommands {

  /**
   * What the commands need besides their use cases.
   *
   * @param operator who the commands act as, such as {@code cli:alice}
   * @param in where {@code keys verify} reads a key that is not given as an argument
   * @param portalLinkTtl how long a portal link works unless {@code --ttl} says otherwise
   * @param publicUrl where customers reach the server, unless {@code --base-url} says otherwise
   */
  public record Settings(
      Principal operator,
      InputStream in,
      Clock clock,
      Supplier<Duration> portalLinkTtl,
      Supplier<String> publicUrl) {}

  private LocalCommands() {}

  /**
   * Adds every command to {@code root}.
   *
   * @param eachCommand told of each command that runs a use case, so the caller can give it the
   *     options it needs to reach the data, such as the database's
   */
  public static void addTo(
      CommandLine root,
      KeygateUseCases useCases,
      Settings settings,
      Consumer<CommandLine> eachCommand) {
    addTo(root, useCases, settings, eachCommand, List.of());
  }

  /**
   * Adds every command to {@code root}, but of the groups ({@code keys}, {@code apis}, …) only
   * those that {@code args} name get their commands, unless they name none. Reading the annotations
   * of every command is a good part of a short command's run, and a command line runs one; the
   * others stay as groups for help and suggestions.
   *
   * @param args the command line about to run
   */
  public static void addTo(
      CommandLine root,
      KeygateUseCases useCases,
      Settings settings,
      Consumer<CommandLine> eachCommand,
      List<String> args) {
    Principal me = settings.operator();
    Adder add = new Adder(root, eachCommand);
    add.group(
        new CommandGroups.Orgs(),
        new OrgsCreateCommand(useCases.createOrganization(), me),
        new OrgsListCommand(useCases.listOrganizations(), me),
        new OrgsRenameCommand(useCases.updateOrganization(), me),
        new OrgsDeleteCommand(useCases.deleteOrganization(), me),
        new OrgsRateLimitsCommand(useCases.ownerRateLimits(), me));
    add.group(
        new CommandGroups.Users(),
        new UsersCreateCommand(useCases.createUser(), me),
        new UsersListCommand(useCases.listUsers(), me),
        new UsersRenameCommand(useCases.updateUser(), me),
        new UsersDeleteCommand(useCases.deleteUser(), me),
        new UsersRateLimitsCommand(useCases.ownerRateLimits(), me));
    add.group(
        new CommandGroups.Apis(),
        new ApisRegisterCommand(useCases.registerApi(), me),
        new ApisListCommand(useCases.listApis(), me),
        new ApisShowCommand(useCases.getApi(), me),
        new ApisDeleteCommand(useCases.deleteApi(), me));
    add.group(
        new CommandGroups.Scopes(),
        new ScopesAddCommand(useCases.addScope(), me),
        new ScopesListCommand(useCases.listScopes(), me),
        new ScopesDeleteCommand(useCases.deleteScope(), me));
    add.group(
        new CommandGroups.Keys(),
        new KeysCreateCommand(useCases.createApiKey(), me, settings.clock()),
        new KeysCreateRootCommand(useCases.createRootKey(), me),
        new KeysListCommand(useCases.listApiKeys(), me, settings.clock()),
        new KeysShowCommand(useCases.getApiKey(), me, settings.clock()),
        new KeysUpdateCommand(useCases.updateApiKey(), me),
        new KeysUsageCommand(useCases.getUsage(), me),
        new KeysRotateCommand(useCases.rotateApiKey(), me),
        new KeysDisableCommand(useCases.disableApiKey(), me),
        new KeysEnableCommand(useCases.enableApiKey(), me),
        new KeysRevokeCommand(useCases.revokeApiKey(), me),
        new KeysVerifyCommand(useCases.verifyApiKey(), me, settings.in()));
    add.group(
        new CommandGroups.Grants(),
        new GrantsListCommand(useCases.listGrants(), me),
        new GrantsSetCommand(useCases.setGrant(), me),
        new GrantsRemoveCommand(useCases.removeGrant(), me));
    add.group(new CommandGroups.Audit(), new AuditListCommand(useCases.listAuditEvents(), me));
    add.group(
        new CommandGroups.Applications(),
        new ApplicationsCreateCommand(useCases.createApplication(), me),
        new ApplicationsListCommand(useCases.listApplications(), me),
        new ApplicationsGetCommand(useCases.getApplication(), me),
        new ApplicationsUpdateCommand(useCases.updateApplication(), me),
        new ApplicationsDeleteCommand(useCases.deleteApplication(), me),
        new ApplicationsRotateSecretCommand(useCases.rotateApplicationSecret(), me));
    add.group(
        new CommandGroups.Webhooks(),
        new WebhooksCreateCommand(useCases.createWebhook(), me),
        new WebhooksListCommand(useCases.listWebhooks(), me),
        new WebhooksShowCommand(useCases.getWebhook(), me),
        new WebhooksUpdateCommand(useCases.updateWebhook(), me),
        new WebhooksDeleteCommand(useCases.deleteWebhook(), me),
        new WebhooksRotateSecretCommand(useCases.rotateWebhookSecret(), me),
        new WebhooksDeliveriesCommand(useCases.listDeliveries(), me),
        new WebhooksRedeliverCommand(useCases.redeliver(), me));
    add.group(
        new CommandGroups.SigningKeys(), new SigningKeysRollCommand(useCases.rollSigningKey(), me));
    add.addAll(args);
    add.command(
        root,
        new PortalLinkCommand(
            useCases.createPortalLink(), me, settings.portalLinkTtl(), settings.publicUrl()));
  }

  /**
   * Adds commands to the root, each told to the caller. Groups are held until {@link #addAll},
   * which knows by then which groups the command line names.
   */
  private static final class Adder {

    private final CommandLine root;
    private final Consumer<CommandLine> eachCommand;
    private final Map<String, Held> groups = new LinkedHashMap<>();

    /** A group and its commands, not yet added. */
    private record Held(Object group, Object[] commands) {}

    Adder(CommandLine root, Consumer<CommandLine> eachCommand) {
      this.root = root;
      this.eachCommand = eachCommand;
    }

    void group(Object group, Object... commands) {
      groups.put(group.getClass().getAnnotation(Command.class).name(), new Held(group, commands));
    }

    /** Adds the groups, with their commands if {@code args} name them or name no group. */
    void addAll(List<String> args) {
      boolean namesOne = args.stream().anyMatch(groups::containsKey);
      groups.forEach(
          (name, held) -> {
            CommandLine groupLine = new CommandLine(held.group());
            if (!namesOne || args.contains(name)) {
              for (Object command : held.commands()) {
                command(groupLine, command);
              }
            }
            root.addSubcommand(groupLine);
          });
    }

    void command(CommandLine parent, Object command) {
      CommandLine commandLine = new CommandLine(command);
      eachCommand.accept(commandLine);
      parent.addSubcommand(commandLine);
    }
  }
}
