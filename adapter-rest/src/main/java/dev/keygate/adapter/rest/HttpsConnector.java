package dev.keygate.adapter.rest;

import io.javalin.config.JettyConfig;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The API's listener when it speaks HTTPS: TLS 1.2 and 1.3 only, HTTP/1.1 inside, on the address
 * and port the server is started with, and no plain-HTTP listener beside it.
 */
final class HttpsConnector {

  /** TLS 1.0 and 1.1 are refused, whatever the JVM would still allow. */
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private HttpsConnector() {}

  /**
   * Makes the server listen with {@code identity} instead of plain HTTP: Javalin opens its own
   * plain listener only when no connector was added.
   */
  static void install(JettyConfig jetty, TlsIdentity identity) {
    jetty.addConnector((server, http) -> connector(server, http, identity, jetty));
  }

  private static ServerConnector connector(
      Server server, HttpConfiguration http, TlsIdentity identity, JettyConfig jetty) {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStore(identity.keyStore());
    tls.setKeyStorePassword(identity.password());
    tls.setIncludeProtocols(PROTOCOLS);
    // Javalin's settings (URI compliance, no server version, buffer sizes) and the request marked
    // secure, so that it knows its scheme is https.
    HttpConfiguration https = new HttpConfiguration(http);
    https.addCustomizer(new SecureRequestCustomizer());
    ServerConnector connector =
        new ServerConnector(
            server,
            new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
            new HttpConnectionFactory(https));
    // Read when the server starts: Javalin's start(host, port) has set them by then.
    connector.setHost(jetty.host);
    connector.setPort(jetty.port);
    return connector;
  }
}
