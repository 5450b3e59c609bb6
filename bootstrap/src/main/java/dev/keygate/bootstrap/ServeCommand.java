package dev.keygate.bootstrap;

import dev.keygate.adapter.cli.ExitCodes;
import dev.keygate.adapter.rest.TlsIdentity;
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
      "Serves the REST API, /health, /health/live and /metrics until SIGTERM or Ctrl-C, over"
          + " HTTPS with --tls-cert and --tls-key; on an empty database first initialises it and"
          + " prints the root key once."
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
      names = "--tls-cert",
      paramLabel = "FILE",
      description =
          "serve HTTPS with this PEM certificate chain, the server's own certificate first; with"
              + " --tls-key (env KEYGATE_TLS_CERT; default: plain HTTP)")
  String tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description =
          "the PEM private key of --tls-cert, unencrypted PKCS#8, RSA or EC (env KEYGATE_TLS_KEY)")
  String tlsKey;

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
    DatabaseOptions.put(flags, Setting.TLS_CERT, tlsCert);
    DatabaseOptions.put(flags, Setting.TLS_KEY, tlsKey);
    Configuration configuration =
        Configuration.resolve(flags, launch.environment(), launch.workingDirectory());
    // Read before anything is opened: a wrong file stops serve with one line, as a bad setting
    // does.
    Optional<TlsIdentity> tls = configuration.tls().map(PemFiles::read);
    PrintWriter out = spec.commandLine().getOut();
    try {
      return serve(configuration, tls, out);
    } catch (AddressInUse e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.qualifiedName() + ": " + e.getMessage());
      err.flush();
      return ExitCodes.ADDRESS_IN_USE;
    }
  }

  private int serve(Configuration configuration, Optional<TlsIdentity> tls, PrintWriter out) {
    // A busy port is told before the database is opened, let alone initialised.
    AddressInUse.requireFree("the API", configuration.host(), configuration.port());
    MetricsAddress metrics = configuration.metricsAddress();
    if (metrics.where() == MetricsAddress.Where.OWN) {
      AddressInUse.requireFree("the metrics", metrics.host(), metrics.port());
    }

    PrometheusMeterRegistry meters = KeygateServer.newMeterRegistry();
    KeygateNode node = KeygateNode.open(configuration.nodeSettings(Optional.of(meters)));
    try {
      InitCommand.initialize(node).ifPresent(rootKey -> InitCommand.printRootKey(out, rootKey));
    } catch (RuntimeException e) {
      node.close();
      meters.close();
      throw e;
    }
    KeygateServer server = KeygateServer.start(node, meters, configuration, tls);
    launch.stopSignals().onStop(server::stop);
    out.println(
        "Keygate is serving "
            + configuration.scheme()
            + "://"
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
