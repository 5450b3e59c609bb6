package dev.keygate.bootstrap;

import dev.keygate.application.port.in.KeygateUseCases;
import dev.keygate.bootstrap.Configuration.Setting;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
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

  /** Gives {@code command} the database flags. */
  void takeDatabaseFlags(CommandLine command) {
    command.getCommandSpec().addMixin("database", CommandSpec.forAnnotatedObject(database));
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
          Object opened = getter.invoke(openedUseCases());
          try {
            return method.invoke(opened, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private KeygateUseCases openedUseCases() {
    if (node == null) {
      // A command runs for a moment: there is nothing remembered worth following the feed for.
      node = KeygateNode.open(configuration().nodeSettings(Optional.empty()).verifyingStrictly());
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
}
