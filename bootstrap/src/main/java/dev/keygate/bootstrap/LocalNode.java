package dev.keygate.bootstrap;

import dev.keygate.adapter.remote.HttpKeygateUseCases;
import dev.keygate.adapter.remote.RemoteException;
import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.bootstrap.Configuration.Setting;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The node under the local command line ({@code keygate keys create} and the rest): its use cases
 * open it on their first call, on the database that the running command's flags, the environment or
 * {@code keygate.properties} name. Opening late lets picocli parse those flags first, and lets
 * {@code --help} and usage errors answer without touching a database. Closing writes the pending
 * usage counts and releases the database.
 *
 * <p>Given a server ({@code --server} or {@code KEYGATE_SERVER}), the use cases are the server's
 * instead, reached over its REST API with the credentials of {@link RemoteCredentials}: no database
 * is opened, and the server decides what the credential may do.
 */
final class LocalNode implements AutoCloseable {

  private final Launch launch;

  /**
   * The database flags of every local command. One command runs per command line, and picocli fills
   * in the flags of the one it parses.
   */
  private final DatabaseOptions database = new DatabaseOptions();

  /** {@code --server} and {@code --credentials}, shared alike by every command and the top one. */
  private final ServerOptions server = new ServerOptions();

  private KeygateUseCases remote;

  private KeygateNode node;
  private Configuration configuration;

  LocalNode(Launch launch) {
    this.launch = launch;
  }

  /** Gives {@code command} the database flags, and the flags that choose a server instead. */
  void takeDatabaseFlags(CommandLine command) {
    command.getCommandSpec().addMixin("database", CommandSpec.forAnnotatedObject(database));
    takeServerFlags(command);
  }

  /**
   * Gives {@code command} {@code --server} and {@code --credentials}: the top command too, so that
   * they may come before the command's name, as in {@code keygate --server URL keys list}.
   */
  void takeServerFlags(CommandLine command) {
    command.getCommandSpec().addMixin("server", CommandSpec.forAnnotatedObject(server));
  }

  /**
   * Refuses {@code --server} before a command that has nothing to do with the data, such as {@code
   * serve}, rather than ignore it.
   */
  void refuseServerFlagOf(ParseResult parsed) {
    ParseResult last = parsed;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    if (parsed.hasMatchedOption("--server")
        && last != parsed
        && !last.commandSpec().mixins().containsKey("server")) {
      throw new ParameterException(
          last.commandSpec().commandLine(),
          last.commandSpec().qualifiedName()
              + " runs only on this machine: leave out --server, which is for the commands that"
              + " work on keys, APIs and owners");
    }
  }

  /**
   * Every use case, each opening the node on its first call: a command is built with its use cases
   * before its flags are parsed, and most command lines (help, a usage error) never call one.
   */
  KeygateUseCases useCases() {
    return (KeygateUseCases)
        Proxy.newProxyInstance(
            KeygateUseCases.class.getClassLoader(),
            new Class<?>[] {KeygateUseCases.class},
            (proxy, getter, noArguments) -> lazy(getter));
  }

  /** The use case {@code getter} answers, opening the node when one of its methods is called. */
  private Object lazy(Method getter) {
    Class<?> useCase = getter.getReturnType();
    return Proxy.newProxyInstance(
        useCase.getClassLoader(),
        new Class<?>[] {useCase},
        (proxy, method, arguments) -> {
          if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, arguments);
          }
          try {
            Object opened = getter.invoke(openedUseCases());
            return method.invoke(opened, arguments);
          } catch (InvocationTargetException e) {
            throw told(e.getCause());
          }
        });
  }

  /**
   * A remote failure as the command line tells it: credentials the server refused, or an operation
   * it has no route for, are the user's to fix, like a bad setting; the rest as they are.
   */
  private static Throwable told(Throwable failure) {
    if (failure instanceof RemoteException remoteFailure
        && (remoteFailure.kind() == RemoteException.Kind.CREDENTIALS_REFUSED
            || remoteFailure.kind() == RemoteException.Kind.LOCAL_ONLY)) {
      return new Configuration.ConfigurationException(remoteFailure.getMessage());
    }
    return failure;
  }

  private KeygateUseCases openedUseCases() {
    Optional<String> serverUrl = serverUrl();
    if (serverUrl.isPresent()) {
      if (remote == null) {
        remote =
            new HttpKeygateUseCases(
                URI.create(serverUrl.get()),
                RemoteCredentials.resolve(
                    Optional.ofNullable(server.credentials),
                    launch.environment(),
                    serverUrl.get()));
      }
      return remote;
    }
    if (server.credentials != null) {
      throw new Configuration.ConfigurationException(
          "--credentials is for a server: give --server URL or set KEYGATE_SERVER");
    }
    if (node == null) {
      // A command runs for a moment: there is nothing remembered worth following the feed for.
      node =
          KeygateNode.openForOneCommand(
              configuration().nodeSettings(Optional.empty()).verifyingStrictly());
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

  /**
   * The server the commands work on: {@code --server}, else {@code KEYGATE_SERVER}; empty for the
   * local database.
   *
   * @throws Configuration.ConfigurationException for anything but an http or https URL, or a server
   *     given together with {@code --db-url}
   */
  private Optional<String> serverUrl() {
    Optional<String> url =
        Optional.ofNullable(server.server)
            .or(() -> Optional.ofNullable(launch.environment().get("KEYGATE_SERVER")))
            .map(String::strip)
            .filter(text -> !text.isEmpty());
    if (url.isEmpty()) {
      return url;
    }
    String where = server.server != null ? "--server" : "KEYGATE_SERVER";
    if (database.dbUrl != null) {
      throw new Configuration.ConfigurationException(
          "give " + where + " or --db-url, not both: a command works on a server or a database");
    }
    try {
      URI uri = new URI(url.get());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new URISyntaxException(url.get(), "not a server's base URL");
      }
    } catch (URISyntaxException e) {
      throw new Configuration.ConfigurationException(
          where
              + " must be a server's http:// or https:// URL, such as https://keygate.example.com,"
              + " was "
              + url.get());
    }
    String host = URI.create(url.get()).getHost();
    if (url.get().startsWith("http://")
        && !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
      throw new Configuration.ConfigurationException(
          where
              + " "
              + url.get()
              + " would send the credentials unencrypted: use https://, or http:// on this"
              + " machine only (localhost, 127.0.0.1)");
    }
    return url;
  }

  /** How long a portal link works, as configured; on a server, as the server has it configured. */
  Duration portalLinkTtl() {
    if (serverUrl().isPresent()) {
      return HttpKeygateUseCases.SERVERS_PORTAL_LINK_TTL;
    }
    return configuration().portalLinkTtl();
  }

  /**
   * Where a running server is reached: the server the commands work on, else as configured: the
   * public URL, else the configured listen address and port.
   */
  String publicUrl() {
    Optional<String> serverUrl = serverUrl();
    if (serverUrl.isPresent()) {
      return serverUrl.get();
    }
    Configuration configured = configuration();
    if (configured.publicUrl().isEmpty() && configured.port() == 0) {
      throw new Configuration.ConfigurationException(
          "the configured port is 0 (any free one), so no link can name it: give --base-url or set"
              + " KEYGATE_PUBLIC_URL");
    }
    return PublicUrl.of(configured, configured.port());
  }
}
