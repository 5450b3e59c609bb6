package dev.keygate.bootstrap;

import dev.keygate.adapter.rest.ManagementRoutes;
import dev.keygate.adapter.rest.RestServer;
import dev.keygate.adapter.rest.TlsIdentity;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Keygate node serving the REST API over HTTP or HTTPS, with its metrics in Prometheus' format
 * (over plain HTTP when they have a listener of their own, meant for loopback). Stopping it stops
 * accepting connections, lets requests in flight finish (up to the shutdown timeout), writes the
 * pending usage counts and closes the database.
 */
final class KeygateServer {

  private static final Logger LOG = LoggerFactory.getLogger(KeygateServer.class);

  private final KeygateNode node;
  private final PrometheusMeterRegistry meters;
  private final Javalin http;
  private final Optional<Javalin> metricsHttp;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private KeygateServer(
      KeygateNode node,
      PrometheusMeterRegistry meters,
      Javalin http,
      Optional<Javalin> metricsHttp) {
    this.node = node;
    this.meters = meters;
    this.http = http;
    this.metricsHttp = metricsHttp;
  }

  /** A registry for one server's meters, with the JVM's own among them. */
  static PrometheusMeterRegistry newMeterRegistry() {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
    return meters;
  }

  /**
   * Starts listening on the configured address with every route group, and on the metrics address
   * when {@code /metrics} has a listener of its own. The server owns {@code node} from here on, and
   * closes it when it stops or when it cannot start.
   *
   * @param meters the registry {@code node} counts its verifications in
   * @param tls what the API's listener proves itself with, read from {@code configuration}'s files;
   *     empty for plain HTTP
   */
  static KeygateServer start(
      KeygateNode node,
      PrometheusMeterRegistry meters,
      Configuration configuration,
      Optional<TlsIdentity> tls) {
    JettyWireLogGuard.install();
    try {
      // Port 0 becomes a port only once the server listens: the links' default base is read then.
      AtomicReference<Javalin> listening = new AtomicReference<>();
      MetricsAddress metricsAddress = configuration.metricsAddress();
      Optional<Supplier<String>> scrapeOnMain =
          metricsAddress.where() == MetricsAddress.Where.MAIN
              ? Optional.of(meters::scrape)
              : Optional.empty();
      Javalin http =
          RestServer.create(
              new RestServer.Services(
                  node.useCases().authenticate(), node::isDatabaseUp, scrapeOnMain, meters),
              ManagementRoutes.of(
                  node.useCases(),
                  configuration.portalLinkTtl(),
                  () -> PublicUrl.of(configuration, listening.get().port())),
              tls);
      listening.set(http);
      Server jetty = http.jettyServer().server();
      // Jetty drains requests in flight on stop only behind a graceful handler, with a timeout.
      jetty.insertHandler(new GracefulHandler());
      jetty.setStopTimeout(configuration.shutdownTimeout().toMillis());
      try {
        http.start(configuration.host(), configuration.port());
      } catch (RuntimeException e) {
        throw bindFailure(e, "the API", configuration.host(), configuration.port());
      }
      node.startDelivering();
      KeygateServer server =
          new KeygateServer(node, meters, http, startMetrics(metricsAddress, meters, http));
      LOG.info(
          "Keygate {} listening on {}://{}:{}{}",
          version(),
          configuration.scheme(),
          bracketed(configuration.host()),
          server.port(),
          server.metricsPort().stream()
              .mapToObj(
                  port -> ", metrics on http://" + bracketed(metricsAddress.host()) + ":" + port)
              .findFirst()
              .orElse(""));
      return server;
    } catch (RuntimeException e) {
      node.close();
      meters.close();
      throw e;
    }
  }

  /** {@code /metrics} on a listener of its own, when so configured; stops {@code http} if not. */
  private static Optional<Javalin> startMetrics(
      MetricsAddress address, PrometheusMeterRegistry meters, Javalin http) {
    if (address.where() != MetricsAddress.Where.OWN) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          RestServer.createMetrics(meters::scrape, meters).start(address.host(), address.port()));
    } catch (RuntimeException e) {
      http.stop();
      throw bindFailure(e, "the metrics", address.host(), address.port());
    }
  }

  /** A failure to bind as the one line {@code serve} prints for it; any other failure as it is. */
  private static RuntimeException bindFailure(
      RuntimeException e, String what, String host, int port) {
    return AddressInUse.in(e, what, host, port).<RuntimeException>map(inUse -> inUse).orElse(e);
  }

  /** The jar's version, as its manifest says; "(development)" when run from classes. */
  private static String version() {
    String version = KeygateServer.class.getPackage().getImplementationVersion();
    return version == null ? "(development)" : version;
  }

  /** An IPv6 address as a URL writes it. */
  private static String bracketed(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** The port listened on: the configured one, or the one chosen when configured as 0. */
  int port() {
    return http.port();
  }

  /** The port {@code /metrics} is served on when it has a listener of its own. */
  OptionalInt metricsPort() {
    return metricsHttp.map(metrics -> OptionalInt.of(metrics.port())).orElse(OptionalInt.empty());
  }

  /** The node behind this server; for tests that take its database away. */
  KeygateNode node() {
    return node;
  }

  /** Stops gracefully; safe to call more than once and from a shutdown hook. */
  void stop() {
    if (!stopping.compareAndSet(false, true)) {
      awaitStopped();
      return;
    }
    try {
      LOG.info("Keygate stopping: finishing requests in flight");
      try {
        http.stop();
      } finally {
        try {
          metricsHttp.ifPresent(Javalin::stop);
        } finally {
          node.close();
        }
      }
      LOG.info("Keygate stopped; usage written and database closed");
    } catch (RuntimeException e) {
      LOG.error("Keygate did not stop cleanly", e);
    } finally {
      meters.close();
      stopped.countDown();
    }
  }

  /** Blocks until {@link #stop()} has finished. */
  void awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
