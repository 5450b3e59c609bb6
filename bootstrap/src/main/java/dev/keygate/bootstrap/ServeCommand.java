package dev.keygate.bootstrap;

import dev.keygate.bootstrap.Configuration.Setting;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keygate serve}: the REST API until the process is told to stop (SIGTERM, Ctrl-C). On an
 * empty database it first initialises the deployment and prints the root key once.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the REST API, /health, /health/live and /metrics until SIGTERM or Ctrl-C; on an"
          + " empty database first initialises it and prints the root key once."
    })
final class ServeCommand implements Callable<Integer> {

  private final Launch launch;

  @Spec CommandSpec spec;

  @Mixin DatabaseOptions database;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "port to listen on, 0 for any free one (env KEYGATE_PORT; default 8080)")
  String port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description =
          "address to listen on; 0.0.0.0 for every interface (env KEYGATE_HOST; default"
              + " 127.0.0.1)")
  String host;

  @Option(
      names = "--portal-link-ttl",
      paramLabel = "DURATION",
      description =
          "how long a portal link works: 15m, 1h, at most 1d (env KEYGATE_PORTAL_LINK_TTL;"
              + " default 15m)")
  String portalLinkTtl;

  ServeCommand(Launch launch) {
    this.launch = launch;
  }

  @Override
  public Integer call() {
    Map<Setting, String> flags = new EnumMap<>(Setting.class);
    database.addTo(flags);
    DatabaseOptions.put(flags, Setting.PORT, port);
    DatabaseOptions.put(flags, Setting.HOST, host);
    DatabaseOptions.put(flags, Setting.PORTAL_LINK_TTL, portalLinkTtl);
    Configuration configuration =
        Configuration.resolve(flags, launch.environment(), launch.workingDirectory());
    PrintWriter out = spec.commandLine().getOut();

    PrometheusMeterRegistry meters = KeygateServer.newMeterRegistry();
    KeygateNode node = KeygateNode.open(configuration.nodeSettings(Optional.of(meters)));
    try {
      InitCommand.initialize(node).ifPresent(rootKey -> InitCommand.printRootKey(out, rootKey));
    } catch (RuntimeException e) {
      node.close();
      meters.close();
      throw e;
    }
    KeygateServer server = KeygateServer.start(node, meters, configuration);
    launch.stopSignals().onStop(server::stop);
    out.println(
        "Keygate is serving http://"
            + configuration.host()
            + ":"
            + server.port()
            + " (stop with Ctrl-C or SIGTERM)");
    server
        .metricsPort()
        .ifPresent(
            port ->
                out.println(
                    "Keygate serves its metrics on http://"
                        + bracketed(configuration.metricsAddress().host())
                        + ":"
                        + port
                        + "/metrics"));
    out.flush();
    launch.onServing().accept(server);
    server.awaitStopped();
    return 0;
  }

  /** An IPv6 address as a URL writes it. */
  private static String bracketed(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
