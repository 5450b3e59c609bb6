package dev.keygate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made at test time by the
 * JDK's {@code keytool} and written as PEM files the way an operator gives them to {@code serve}:
 * the certificate, and its private key in PKCS#8.
 */
record TestCertificate(Path certificate, Path privateKey, X509Certificate x509) {

  private static final char[] STORE_PASSWORD = "changeit".toCharArray();

  static TestCertificate create(Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    Path store = directory.resolve("keygate.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "keygate",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(STORE_PASSWORD))
            .redirectErrorStream(true)
            .start();
    String printed = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(keytool.exitValue()).as(printed).isZero();
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, STORE_PASSWORD);
      Certificate certificate = keys.getCertificate("keygate");
      Key key = keys.getKey("keygate", STORE_PASSWORD);
      Path certificatePem = directory.resolve("certificate.pem");
      Path keyPem = directory.resolve("private-key.pem");
      Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()));
      Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
      return new TestCertificate(certificatePem, keyPem, (X509Certificate) certificate);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("keytool wrote a store Java cannot read", e);
    }
  }

  /** An HTTP client that trusts this certificate and nothing else. */
  HttpClient client() {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry("keygate", x509);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return HttpClient.newBuilder().sslContext(tls).build();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot trust the test certificate", e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
