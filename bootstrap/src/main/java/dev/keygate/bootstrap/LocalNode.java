package dev.keygate.bootstrap;

import dev.keygate.application.port.in.AddScopeUseCase;
import dev.keygate.application.port.in.CreateApiKeyUseCase;
import dev.keygate.application.port.in.CreateOrganizationUseCase;
import dev.keygate.application.port.in.CreatePortalLinkUseCase;
import dev.keygate.application.port.in.CreateUserUseCase;
import dev.keygate.application.port.in.DeleteApiUseCase;
import dev.keygate.application.port.in.DeleteScopeUseCase;
import dev.keygate.application.port.in.DisableApiKeyUseCase;
import dev.keygate.application.port.in.EnableApiKeyUseCase;
import dev.keygate.application.port.in.GetApiKeyUseCase;
import dev.keygate.application.port.in.GetApiUseCase;
import dev.keygate.application.port.in.ListApiKeysUseCase;
import dev.keygate.application.port.in.ListApisUseCase;
import dev.keygate.application.port.in.ListAuditEventsUseCase;
import dev.keygate.application.port.in.ListGrantsUseCase;
import dev.keygate.application.port.in.ListOrganizationsUseCase;
import dev.keygate.application.port.in.ListScopesUseCase;
import dev.keygate.application.port.in.ListUsersUseCase;
import dev.keygate.application.port.in.RegisterApiUseCase;
import dev.keygate.application.port.in.RemoveGrantUseCase;
import dev.keygate.application.port.in.RevokeApiKeyUseCase;
import dev.keygate.application.port.in.RotateApiKeyUseCase;
import dev.keygate.application.port.in.SetGrantUseCase;
import dev.keygate.application.port.in.VerifyApiKeyUseCase;
import dev.keygate.application.service.KeygateServices;
import dev.keygate.bootstrap.Configuration.Setting;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The node under the local command line ({@code keygate keys create} and the rest): its use cases
 * open it on their first call, on the database that the running command's flags, the environment or
 * {@code keygate.properties} name. Opening late lets picocli parse those flags first, and lets
 * {@code --help} and usage errors answer without touching a database. Closing writes the pending
 * usage counts and releases the database.
 */
final class LocalNode implements AutoCloseable {

  private final Launch launch;

  /**
   * The database flags of every local command. One command runs per command line, and picocli fills
   * in the flags of the one it parses.
   */
  private final DatabaseOptions database = new DatabaseOptions();

  private KeygateNode node;
  private Configuration configuration;

  LocalNode(Launch launch) {
    this.launch = launch;
  }

  /** The command {@code group} with {@code commands} under it, each taking the database flags. */
  CommandLine group(Object group, Object... commands) {
    CommandLine groupLine = new CommandLine(group);
    for (Object command : commands) {
      groupLine.addSubcommand(command(command));
    }
    return groupLine;
  }

  /** {@code command} taking the database flags. */
  CommandLine command(Object command) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.getCommandSpec().addMixin("database", CommandSpec.forAnnotatedObject(database));
    return commandLine;
  }

  private KeygateServices useCases() {
    if (node == null) {
      node = KeygateNode.open(configuration().nodeSettings(Optional.empty()));
    }
    return node.useCases();
  }

  @Override
  public void close() {
    if (node != null) {
      node.close();
      node = null;
    }
  }

  private Configuration configuration() {
    if (configuration == null) {
      Map<Setting, String> flags = new EnumMap<>(Setting.class);
      database.addTo(flags);
      configuration = Configuration.resolve(flags, launch.environment(), launch.workingDirectory());
    }
    return configuration;
  }

  /** How long a portal link works, as configured. */
  Duration portalLinkTtl() {
    return configuration().portalLinkTtl();
  }

  /**
   * Where a running server is reached, as configured: the public URL, else the configured listen
   * address and port.
   */
  String publicUrl() {
    Configuration configured = configuration();
    if (configured.publicUrl().isEmpty() && configured.port() == 0) {
      throw new Configuration.ConfigurationException(
          "the configured port is 0 (any free one), so no link can name it: give --base-url or set"
              + " KEYGATE_PUBLIC_URL");
    }
    return PublicUrl.of(configured, configured.port());
  }

  CreatePortalLinkUseCase createPortalLink() {
    return (principal, command) -> useCases().createPortalLink().create(principal, command);
  }

  CreateOrganizationUseCase createOrganization() {
    return (principal, command) -> useCases().createOrganization().create(principal, command);
  }

  ListOrganizationsUseCase listOrganizations() {
    return (principal, page) -> useCases().listOrganizations().list(principal, page);
  }

  CreateUserUseCase createUser() {
    return (principal, command) -> useCases().createUser().create(principal, command);
  }

  ListUsersUseCase listUsers() {
    return (principal, page) -> useCases().listUsers().list(principal, page);
  }

  RegisterApiUseCase registerApi() {
    return (principal, command) -> useCases().registerApi().register(principal, command);
  }

  ListApisUseCase listApis() {
    return principal -> useCases().listApis().list(principal);
  }

  GetApiUseCase getApi() {
    return (principal, apiId) -> useCases().getApi().get(principal, apiId);
  }

  DeleteApiUseCase deleteApi() {
    return (principal, apiId) -> useCases().deleteApi().delete(principal, apiId);
  }

  AddScopeUseCase addScope() {
    return (principal, command) -> useCases().addScope().add(principal, command);
  }

  ListScopesUseCase listScopes() {
    return (principal, apiId) -> useCases().listScopes().list(principal, apiId);
  }

  DeleteScopeUseCase deleteScope() {
    return (principal, apiId, scopeId) ->
        useCases().deleteScope().delete(principal, apiId, scopeId);
  }

  CreateApiKeyUseCase createApiKey() {
    return (principal, command) -> useCases().createApiKey().create(principal, command);
  }

  ListApiKeysUseCase listApiKeys() {
    return (principal, filter, page) -> useCases().listApiKeys().list(principal, filter, page);
  }

  GetApiKeyUseCase getApiKey() {
    return (principal, keyId) -> useCases().getApiKey().get(principal, keyId);
  }

  RotateApiKeyUseCase rotateApiKey() {
    return (principal, keyId, grace) -> useCases().rotateApiKey().rotate(principal, keyId, grace);
  }

  DisableApiKeyUseCase disableApiKey() {
    return (principal, keyId) -> useCases().disableApiKey().disable(principal, keyId);
  }

  EnableApiKeyUseCase enableApiKey() {
    return (principal, keyId) -> useCases().enableApiKey().enable(principal, keyId);
  }

  RevokeApiKeyUseCase revokeApiKey() {
    return (principal, keyId) -> useCases().revokeApiKey().revoke(principal, keyId);
  }

  VerifyApiKeyUseCase verifyApiKey() {
    return (principal, command) -> useCases().verifyApiKey().verify(principal, command);
  }

  ListAuditEventsUseCase listAuditEvents() {
    return (principal, query) -> useCases().listAuditEvents().list(principal, query);
  }

  ListGrantsUseCase listGrants() {
    return (principal, owner) -> useCases().listGrants().list(principal, owner);
  }

  SetGrantUseCase setGrant() {
    return (principal, command) -> useCases().setGrant().set(principal, command);
  }

  RemoveGrantUseCase removeGrant() {
    return (principal, owner, apiId) -> useCases().removeGrant().remove(principal, owner, apiId);
  }
}
