package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Keys and certificates made at test time by the JDK's own {@code keytool} (so CI needs nothing
 * new), for {@code localhost} and {@code 127.0.0.1}, written as the PEM files a user gives {@code
 * KEYGATE_TLS_CERT} and {@code KEYGATE_TLS_KEY}.
 */
final class TestCertificates {

  private static final String PASSWORD = "test-only";
  private static final String SERVER_NAMES = "SAN=dns:localhost,ip:127.0.0.1";

  private TestCertificates() {}

  /**
   * PEM files of a server identity, and the certificate a client is to trust for it.
   *
   * @param trusted the one certificate a client trusts: the server's own, or the CA that issued it
   */
  record Pem(Path certificate, Path key, X509Certificate trusted) {

    /** A TLS context that trusts {@link #trusted} and nothing else. */
    SSLContext clientTrustingOnlyThis() {
      try {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("trusted", trusted);
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A self-signed RSA certificate and its key, in {@code directory}. */
  static Pem selfSignedRsa(Path directory) {
    Path store = directory.resolve("rsa.p12");
    keytool(
        "-genkeypair",
        "-keystore",
        store,
        "-alias",
        "server",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=localhost",
        "-ext",
        SERVER_NAMES,
        "-validity",
        "2");
    KeyStore keys = load(store);
    X509Certificate certificate = certificate(keys, "server");
    return new Pem(
        writeCertificates(directory.resolve("rsa-cert.pem"), List.of(certificate)),
        writeKey(directory.resolve("rsa-key.pem"), key(keys, "server")),
        certificate);
  }

  /**
   * An EC (P-256) server certificate issued by an EC test CA: the certificate file holds the chain,
   * the server's certificate first, then the CA's; a client trusts the CA alone.
   */
  static Pem ecChain(Path directory) {
    Path store = directory.resolve("ec.p12");
    keytool(
        "-genkeypair",
        "-keystore",
        store,
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=Keygate Test CA",
        "-ext",
        "bc:c",
        "-validity",
        "2");
    keytool(
        "-genkeypair",
        "-keystore",
        store,
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-validity",
        "2");
    Path request = directory.resolve("server.csr");
    Path issued = directory.resolve("server.crt");
    keytool("-certreq", "-keystore", store, "-alias", "server", "-file", request);
    keytool(
        "-gencert",
        "-keystore",
        store,
        "-alias",
        "ca",
        "-infile",
        request,
        "-outfile",
        issued,
        "-ext",
        SERVER_NAMES,
        "-validity",
        "2",
        "-rfc");
    KeyStore keys = load(store);
    X509Certificate ca = certificate(keys, "ca");
    X509Certificate server;
    try (InputStream in = Files.newInputStream(issued)) {
      server = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return new Pem(
        writeCertificates(directory.resolve("ec-chain.pem"), List.of(server, ca)),
        writeKey(directory.resolve("ec-key.pem"), key(keys, "server")),
        ca);
  }

  /** The CA's key of an {@link #ecChain}: it belongs to the second certificate, not the first. */
  static Path ecCaKey(Path directory) {
    return writeKey(
        directory.resolve("ec-ca-key.pem"), key(load(directory.resolve("ec.p12")), "ca"));
  }

  static Path writeCertificates(Path file, List<X509Certificate> chain) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : chain) {
      try {
        pem.append(block("CERTIFICATE", certificate.getEncoded()));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return write(file, pem.toString());
  }

  static Path writeKey(Path file, PrivateKey key) {
    assertThat(key.getFormat()).isEqualTo("PKCS#8");
    return write(file, block("PRIVATE KEY", key.getEncoded()));
  }

  static String block(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore load(Path store) {
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, PASSWORD.toCharArray());
      return keys;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate certificate(KeyStore keys, String alias) {
    try {
      Certificate certificate = keys.getCertificate(alias);
      return (X509Certificate) certificate;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey key(KeyStore keys, String alias) {
    try {
      return (PrivateKey) keys.getKey(alias, PASSWORD.toCharArray());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the JDK's keytool with the store password, failing with its output if it fails. */
  private static void keytool(Object... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    for (Object arg : args) {
      command.add(arg.toString());
    }
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("keytool ended").isTrue();
      assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
