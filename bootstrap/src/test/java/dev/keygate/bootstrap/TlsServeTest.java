package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code keygate serve} over HTTPS when {@code KEYGATE_TLS_CERT} and {@code KEYGATE_TLS_KEY} name
 * PEM files: a client that trusts exactly the configured certificate (or the CA that issued it)
 * gets answers, plain HTTP on that port gets none, and every wrong file stops serve with one line
 * before anything is opened. The certificates are made once for the class by the JDK's keytool.
 */
class TlsServeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path certificates;

  private static TestCertificates.Pem rsa;
  private static TestCertificates.Pem ec;

  @TempDir Path directory;

  @BeforeAll
  static void makeCertificates() {
    rsa = TestCertificates.selfSignedRsa(certificates);
    ec = TestCertificates.ecChain(certificates);
  }

  private Map<String, String> environment(TestCertificates.Pem pem) {
    Map<String, String> environment = new HashMap<>(Cli.environment(directory));
    environment.put("KEYGATE_TLS_CERT", pem.certificate().toString());
    environment.put("KEYGATE_TLS_KEY", pem.key().toString());
    return environment;
  }

  @Test
  void givenAnRsaCertificateAndKey_serveSpeaksHttpsToAClientTrustingExactlyThatCertificate()
      throws Exception {
    try (ServingKeygate keygate = ServingKeygate.serve(environment(rsa), directory)) {
      int port = keygate.server().port();
      String rootKey = keygate.printedTokens().get(0);
      HttpClient client = client(rsa.clientTrustingOnlyThis());

      assertThat(keygate.out()).contains("Keygate is serving https://127.0.0.1:" + port + " ");
      HttpResponse<String> live = send(client, "GET", port, "/health/live", null, null);
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(json(live).get("status").asText()).isEqualTo("UP");
      assertThat(live.sslSession())
          .hasValueSatisfying(
              session -> assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));

      HttpResponse<String> keys = send(client, "GET", port, "/api/v1/api_keys", null, rootKey);
      assertThat(keys.statusCode()).as(keys.body()).isEqualTo(200);
      assertThat(json(keys).at("/api_keys/0/name").asText()).isEqualTo("Root management key");

      // Links default to where the server is reached: over https.
      String org = "{\"name\":\"Acme\",\"code\":\"org_acme\"}";
      assertThat(send(client, "POST", port, "/api/v1/organization", org, rootKey).statusCode())
          .isEqualTo(200);
      HttpResponse<String> link =
          send(
              client, "POST", port, "/api/v1/portal_links", "{\"org_code\":\"org_acme\"}", rootKey);
      assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
      assertThat(json(link).get("url").asText())
          .startsWith("https://127.0.0.1:" + port + "/portal#k_live_");

      // A client trusting only the JDK's public CAs refuses the self-signed certificate.
      assertThatThrownBy(
              () -> send(HttpClient.newHttpClient(), "GET", port, "/health/live", null, null))
          .isInstanceOf(SSLHandshakeException.class);
      // Plain HTTP to that port gets a TLS alert record (content type 21) and the close.
      String plain = plainHttp(port, "/health/live");
      assertThat(plain).startsWith("\u0015\u0003").doesNotContain("HTTP/", "UP");
    }
  }

  @Test
  void givenAnEcCertificateIssuedByACa_serveSendsTheChain_toAClientTrustingOnlyTheCa()
      throws Exception {
    try (ServingKeygate keygate = ServingKeygate.serve(environment(ec), directory)) {
      int port = keygate.server().port();

      HttpResponse<String> live =
          send(client(ec.clientTrustingOnlyThis()), "GET", port, "/health/live", null, null);

      assertThat(live.statusCode()).isEqualTo(200);
      Certificate[] served = live.sslSession().orElseThrow().getPeerCertificates();
      assertThat(served).hasSize(2);
      assertThat(served[1]).isEqualTo(ec.trusted());
      assertThat(served[0].getPublicKey().getAlgorithm()).isEqualTo("EC");
    }
  }

  @Test
  void givenTls_theCliPrintsPortalLinksOnHttps_onTheConfiguredHostAndPort() {
    Map<String, String> environment = environment(rsa);
    environment.put("KEYGATE_PORT", "8443");
    Cli.Result init = Cli.run(environment, directory, "init");
    Cli.Result org =
        Cli.run(environment, directory, "orgs", "create", "--name", "A", "--code", "org_a");
    assertThat(init.code()).as(init.err()).isZero();
    assertThat(org.code()).as(org.err()).isZero();

    Cli.Result printed = Cli.run(environment, directory, "portal-link", "--org", "org_a");

    assertThat(printed.code()).as(printed.err()).isZero();
    assertThat(printed.out()).contains("\n    https://127.0.0.1:8443/portal#k_live_");
  }

  /** A setting to change and the one line serve must refuse it with. */
  record BadTls(String name, Consumer<Map<String, String>> change, List<String> args, String line) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> badTls() throws Exception {
    Path bad = Files.createDirectories(certificates.resolve("bad"));
    String rsaCert = rsa.certificate().toString();
    String rsaKey = rsa.key().toString();
    Path missing = bad.resolve("missing.pem");
    Path text = TestCertificates.write(bad.resolve("text.pem"), "not a certificate\n");
    Path derKey =
        Files.write(
            bad.resolve("key.der"),
            Base64.getMimeDecoder()
                .decode(Files.readString(rsa.key()).replaceAll("-----[A-Z ]+-----", "")));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Path otherRsaKey =
        TestCertificates.writeKey(
            bad.resolve("other-rsa.pem"), generator.generateKeyPair().getPrivate());
    Path caKey = TestCertificates.ecCaKey(certificates);
    Path pkcs1 =
        TestCertificates.write(
            bad.resolve("pkcs1.pem"),
            TestCertificates.block("RSA PRIVATE KEY", new byte[] {48, 0}));
    Path encrypted =
        TestCertificates.write(
            bad.resolve("encrypted.pem"),
            TestCertificates.block("ENCRYPTED PRIVATE KEY", new byte[] {48, 0}));
    List<Arguments> cases = new ArrayList<>();
    cases.add(
        bad(
            "a certificate without a key",
            env -> env.put("KEYGATE_TLS_CERT", rsaCert),
            List.of(),
            "keygate serve: tls cert from KEYGATE_TLS_CERT needs a tls key as well (--tls-key,"
                + " KEYGATE_TLS_KEY or keygate.tls.key): HTTPS takes a certificate and its private"
                + " key; give both, or neither for HTTP"));
    cases.add(
        bad(
            "a key without a certificate",
            env -> {},
            List.of("--tls-key", rsaKey),
            "keygate serve: tls key from --tls-key needs a tls cert as well (--tls-cert,"
                + " KEYGATE_TLS_CERT or keygate.tls.cert): HTTPS takes a certificate and its"
                + " private key; give both, or neither for HTTP"));
    cases.add(
        bad(
            "a missing certificate file",
            pair(missing.toString(), rsaKey),
            List.of(),
            "keygate serve: invalid tls cert '"
                + missing
                + "' from KEYGATE_TLS_CERT: no such file ("
                + missing
                + ")"));
    cases.add(
        bad(
            "a directory for the key",
            pair(rsaCert, bad.toString()),
            List.of(),
            "keygate serve: invalid tls key '"
                + bad
                + "' from KEYGATE_TLS_KEY: it is a directory,"
                + " not a PEM file"));
    cases.add(
        bad(
            "a certificate file that is not PEM",
            pair(text.toString(), rsaKey),
            List.of(),
            "keygate serve: invalid tls cert '"
                + text
                + "' from KEYGATE_TLS_CERT: it holds no PEM certificate (a -----BEGIN CERTIFICATE-----"
                + " block)"));
    cases.add(
        bad(
            "a key file that is not PEM",
            pair(rsaCert, derKey.toString()),
            List.of(),
            "keygate serve: invalid tls key '"
                + derKey
                + "' from KEYGATE_TLS_KEY: it holds no PEM private key (a -----BEGIN PRIVATE"
                + " KEY----- block)"));
    cases.add(
        bad(
            "the certificate and the key the wrong way round",
            pair(rsaKey, rsaCert),
            List.of(),
            "keygate serve: invalid tls cert '"
                + rsaKey
                + "' from KEYGATE_TLS_CERT: it holds a private key, not a certificate: are the"
                + " certificate and the key the wrong way round?"));
    cases.add(
        bad(
            "another RSA key",
            pair(rsaCert, otherRsaKey.toString()),
            List.of(),
            "keygate serve: invalid tls key '"
                + otherRsaKey
                + "' from KEYGATE_TLS_KEY: the key does not match the certificate in '"
                + rsaCert
                + "' (RSA key, RSA certificate for CN=localhost)"));
    cases.add(
        bad(
            "an EC key for an RSA certificate",
            pair(rsaCert, ec.key().toString()),
            List.of(),
            "keygate serve: invalid tls key '"
                + ec.key()
                + "' from KEYGATE_TLS_KEY: the key does not match the certificate in '"
                + rsaCert
                + "' (EC key, RSA certificate for CN=localhost)"));
    cases.add(
        bad(
            "the key of the chain's CA",
            pair(ec.certificate().toString(), caKey.toString()),
            List.of(),
            "keygate serve: invalid tls key '"
                + caKey
                + "' from KEYGATE_TLS_KEY: the key belongs to certificate 2 in '"
                + ec.certificate()
                + "', not the first; the server's own certificate must come first, then the"
                + " certificates that issued it"));
    cases.add(
        bad(
            "a PKCS#1 key",
            pair(rsaCert, pkcs1.toString()),
            List.of(),
            "keygate serve: invalid tls key '"
                + pkcs1
                + "' from KEYGATE_TLS_KEY: the key is a -----BEGIN RSA PRIVATE KEY----- block;"
                + " Keygate reads PKCS#8 (-----BEGIN PRIVATE KEY-----): convert it with 'openssl"
                + " pkcs8 -topk8 -nocrypt -in "
                + pkcs1
                + " -out key.pem'"));
    cases.add(
        bad(
            "an encrypted key",
            pair(rsaCert, encrypted.toString()),
            List.of(),
            "keygate serve: invalid tls key '"
                + encrypted
                + "' from KEYGATE_TLS_KEY: the key is encrypted; Keygate reads an unencrypted"
                + " PKCS#8 key (decrypt it with 'openssl pkcs8 -in "
                + encrypted
                + " -out key.pem' and keep that file readable by Keygate's user alone)"));
    return cases.stream();
  }

  private static Arguments bad(
      String name, Consumer<Map<String, String>> change, List<String> args, String line) {
    return Arguments.of(new BadTls(name, change, args, line));
  }

  private static Consumer<Map<String, String>> pair(String certificate, String key) {
    return env -> {
      env.put("KEYGATE_TLS_CERT", certificate);
      env.put("KEYGATE_TLS_KEY", key);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTls")
  void givenABadTlsSetting_serveStopsWithOneLine_exitCode2_beforeOpeningAnything(BadTls bad) {
    Map<String, String> environment = new HashMap<>(Cli.environment(directory));
    bad.change().accept(environment);
    List<String> args = new ArrayList<>(List.of("serve"));
    args.addAll(bad.args());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    // A server that starts after all is stopped at once, so that a wrong program fails, not hangs.
    int code =
        Main.execute(
            Cli.launch(environment, directory, KeygateServer::stop),
            InputStream.nullInputStream(),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            args.toArray(new String[0]));

    assertThat(code).as(err.toString()).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly(bad.line());
    assertThat(out.toString()).isEmpty();
    assertThat(directory.resolve("keygate.mv.db")).doesNotExist();
  }

  @Test
  void givenTlsInTheEnvironment_theRunnableJarServesHttps_andABadPairIsOneLineOnItsStderr()
      throws Exception {
    Path work = Files.createDirectory(directory.resolve("work"));
    Path logs = Files.createDirectory(directory.resolve("logs"));
    Map<String, String> environment = new HashMap<>(KeygateProcess.cheapEnvironment());
    environment.put("KEYGATE_TLS_CERT", ec.certificate().toString());
    environment.put("KEYGATE_TLS_KEY", ec.key().toString());

    try (KeygateProcess serve =
        KeygateProcess.start(work, logs, environment, "serve", "--port", "0")) {
      int port = serve.awaitServing();
      HttpResponse<String> live =
          send(client(ec.clientTrustingOnlyThis()), "GET", port, "/health/live", null, null);

      assertThat(serve.out()).contains("Keygate is serving https://127.0.0.1:" + port);
      assertThat(live.statusCode()).isEqualTo(200);
    }

    environment.remove("KEYGATE_TLS_KEY");
    Cli.Result refused = KeygateProcess.run(work, logs, environment, "serve", "--port", "0");

    assertThat(refused.code()).as(refused.err()).isEqualTo(2);
    assertThat(refused.errLines())
        .singleElement()
        .asString()
        .startsWith("keygate serve: tls cert from KEYGATE_TLS_CERT needs a tls key as well");
  }

  private static HttpClient client(SSLContext tls) {
    return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();
  }

  private static HttpResponse<String> send(
      HttpClient client, String method, int port, String path, String json, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What a plain-HTTP request to {@code port} gets back: whatever bytes, until the close. */
  private static String plainHttp(int port, String path) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}
