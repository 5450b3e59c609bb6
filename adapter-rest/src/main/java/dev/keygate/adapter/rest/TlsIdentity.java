package dev.keygate.adapter.rest;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * What the API's listener proves itself with over HTTPS: a private key and its certificate chain,
 * the server's own certificate first. Held in a key store in memory, under a random password that
 * only this process ever knows; nothing is written to disk.
 */
public final class TlsIdentity {

  private static final String ALIAS = "keygate";

  private final KeyStore keyStore;
  private final String password;
  private final String subject;

  private TlsIdentity(KeyStore keyStore, String password, String subject) {
    this.keyStore = keyStore;
    this.password = password;
    this.subject = subject;
  }

  /**
   * The identity of {@code key} and {@code chain}; checking that they belong together is the
   * caller's, which can say which file is wrong.
   *
   * @param chain the server's own certificate first, then the certificates that issued it
   */
  public static TlsIdentity of(PrivateKey key, List<X509Certificate> chain) {
    Objects.requireNonNull(key, "key");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a TLS identity needs at least one certificate");
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String password = Base64.getEncoder().encodeToString(random);
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          ALIAS, key, password.toCharArray(), chain.toArray(new X509Certificate[0]));
      return new TlsIdentity(keyStore, password, chain.get(0).getSubjectX500Principal().getName());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot hold the TLS key in memory: " + e.getMessage(), e);
    }
  }

  KeyStore keyStore() {
    return keyStore;
  }

  String password() {
    return password;
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + subject + "]";
  }
}
