package dev.keygate.bootstrap;

import dev.keygate.adapter.cli.AddScopeCommand;
import dev.keygate.adapter.cli.CommandGroups;
import dev.keygate.adapter.cli.CompletionCommand;
import dev.keygate.adapter.cli.ConsoleOutput;
import dev.keygate.adapter.cli.CreateKeyCommand;
import dev.keygate.adapter.cli.CreateOrgCommand;
import dev.keygate.adapter.cli.CreateUserCommand;
import dev.keygate.adapter.cli.DeleteApiCommand;
import dev.keygate.adapter.cli.DeleteScopeCommand;
import dev.keygate.adapter.cli.DisableKeyCommand;
import dev.keygate.adapter.cli.EnableKeyCommand;
import dev.keygate.adapter.cli.ExitCodes;
import dev.keygate.adapter.cli.GrantScopesCommand;
import dev.keygate.adapter.cli.ListApisCommand;
import dev.keygate.adapter.cli.ListAuditEventsCommand;
import dev.keygate.adapter.cli.ListGrantsCommand;
import dev.keygate.adapter.cli.ListKeysCommand;
import dev.keygate.adapter.cli.ListOrgsCommand;
import dev.keygate.adapter.cli.ListScopesCommand;
import dev.keygate.adapter.cli.ListUsersCommand;
import dev.keygate.adapter.cli.PortalLinkCommand;
import dev.keygate.adapter.cli.RegisterApiCommand;
import dev.keygate.adapter.cli.RemoveGrantCommand;
import dev.keygate.adapter.cli.RevokeKeyCommand;
import dev.keygate.adapter.cli.RotateKeyCommand;
import dev.keygate.adapter.cli.ShowApiCommand;
import dev.keygate.adapter.cli.ShowKeyCommand;
import dev.keygate.adapter.cli.VerifyKeyCommand;
import dev.keygate.adapter.persistence.EmbeddedDatabase;
import dev.keygate.application.port.in.Principal;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code keygate}: the command line of the runnable jar. {@code serve} and {@code init} here; the
 * local commands on the database ({@code keys}, {@code apis}, …) from the CLI adapter, on a {@link
 * LocalNode}. Exit codes and failure lines are the CLI adapter's {@link ExitCodes}.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // First of all, before any file is made or H2 is loaded: these hold for the whole process.
    ProcessUmask.restrictToOwner();
    EmbeddedDatabase.bindAutoServersToLoopback();
    System.exit(
        execute(Launch.ofThisProcess(), System.in, ConsoleOutput.out(), ConsoleOutput.err(), args));
  }

  /** Runs one command line to its exit code, with nothing on standard input. */
  static int execute(Launch launch, PrintWriter out, PrintWriter err, String... args) {
    return execute(launch, InputStream.nullInputStream(), out, err, args);
  }

  /**
   * Runs one command line to its exit code, reading {@code in} and writing {@code out}, {@code
   * err}.
   */
  static int execute(
      Launch launch, InputStream in, PrintWriter out, PrintWriter err, String... args) {
    try (LocalNode local = new LocalNode(launch)) {
      CommandLine commandLine = commandLine(launch, local, in);
      commandLine.setOut(out);
      commandLine.setErr(err);
      ExitCodes.install(commandLine);
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * Every command: {@code serve} and {@code init}, then the local commands, which act as the
   * operator {@code cli:<os user>} on {@code local}'s database.
   */
  static CommandLine commandLine(Launch launch, LocalNode local, InputStream in) {
    Principal operator = Principal.operator("cli:" + System.getProperty("user.name", "unknown"));
    return new CommandLine(new KeygateCommand())
        .addSubcommand(new ServeCommand(launch))
        .addSubcommand(new InitCommand(launch))
        .addSubcommand(
            local.group(
                new CommandGroups.Orgs(),
                new CreateOrgCommand(local.createOrganization(), operator),
                new ListOrgsCommand(local.listOrganizations(), operator)))
        .addSubcommand(
            local.group(
                new CommandGroups.Users(),
                new CreateUserCommand(local.createUser(), operator),
                new ListUsersCommand(local.listUsers(), operator)))
        .addSubcommand(
            local.group(
                new CommandGroups.Apis(),
                new RegisterApiCommand(local.registerApi(), operator),
                new ListApisCommand(local.listApis(), operator),
                new ShowApiCommand(local.getApi(), operator),
                new DeleteApiCommand(local.deleteApi(), operator)))
        .addSubcommand(
            local.group(
                new CommandGroups.Scopes(),
                new AddScopeCommand(local.addScope(), operator),
                new ListScopesCommand(local.listScopes(), operator),
                new DeleteScopeCommand(local.deleteScope(), operator)))
        .addSubcommand(
            local.group(
                new CommandGroups.Keys(),
                new CreateKeyCommand(local.createApiKey(), operator, Clock.systemUTC()),
                new ListKeysCommand(local.listApiKeys(), operator),
                new ShowKeyCommand(local.getApiKey(), operator),
                new RotateKeyCommand(local.rotateApiKey(), operator),
                new DisableKeyCommand(local.disableApiKey(), operator),
                new EnableKeyCommand(local.enableApiKey(), operator),
                new RevokeKeyCommand(local.revokeApiKey(), operator),
                new VerifyKeyCommand(local.verifyApiKey(), operator, in)))
        .addSubcommand(
            local.group(
                new CommandGroups.Grants(),
                new ListGrantsCommand(local.listGrants(), operator),
                new GrantScopesCommand(local.setGrant(), operator),
                new RemoveGrantCommand(local.removeGrant(), operator)))
        .addSubcommand(
            local.group(
                new CommandGroups.Audit(),
                new ListAuditEventsCommand(local.listAuditEvents(), operator)))
        .addSubcommand(
            local.command(
                new PortalLinkCommand(
                    local.createPortalLink(), operator, local::portalLinkTtl, local::publicUrl)))
        .addSubcommand(new CompletionCommand());
  }

  /** The top command, which only chooses a subcommand. */
  @Command(
      name = "keygate",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Keygate: issue, verify, rotate and revoke API keys.")
  static final class KeygateCommand implements Runnable {

    @Spec CommandSpec spec;

    @Option(
        names = "--verbose",
        scope = ScopeType.INHERIT,
        description = "print a stack trace when a command fails")
    boolean verbose;

    @Override
    public void run() {
      throw new ParameterException(
          spec.commandLine(),
          "choose a command: " + String.join(", ", spec.subcommands().keySet()));
    }
  }

  /** The version written into the runnable jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"keygate " + (version == null ? "(development build)" : version)};
    }
  }
}
