package dev.keygate.bootstrap;

import dev.keygate.adapter.rest.TlsIdentity;
import dev.keygate.bootstrap.Configuration.ConfigurationException;
import dev.keygate.bootstrap.Configuration.SettingFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files of {@code KEYGATE_TLS_CERT} and {@code KEYGATE_TLS_KEY} into the identity the
 * server's HTTPS listener proves itself with: a certificate chain (the server's own certificate
 * first) and its unencrypted PKCS#8 private key, RSA or EC. Whatever is wrong is refused in one
 * line naming the setting, the file and what to do, before anything is opened.
 */
final class PemFiles {

  /** Far more than any certificate chain; a larger file is not one. */
  private static final long MAX_BYTES = 1024 * 1024;

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]*");
  private static final Pattern BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]+-----");

  private static final String CERTIFICATE = "CERTIFICATE";
  private static final String PRIVATE_KEY = "PRIVATE KEY";

  /** How a key of each algorithm signs, to prove it belongs to the certificate's public key. */
  private static final Map<String, String> SIGNATURES =
      Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA");

  private PemFiles() {}

  /**
   * The identity in {@code tls}'s files.
   *
   * @throws ConfigurationException naming the setting and file, and what is wrong with it
   */
  static TlsIdentity read(Configuration.Tls tls) {
    List<X509Certificate> chain = certificates(tls.certificate());
    PrivateKey key = privateKey(tls.key());
    requireMatch(key, chain, tls);
    return TlsIdentity.of(key, chain);
  }

  private static List<X509Certificate> certificates(SettingFile file) {
    List<Block> blocks = blocks(file);
    List<X509Certificate> chain = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("this JVM reads no X.509 certificate", e);
    }
    for (Block block : blocks) {
      if (!block.label().equals(CERTIFICATE)) {
        continue;
      }
      try {
        chain.add(
            (X509Certificate)
                factory.generateCertificate(new ByteArrayInputStream(block.der(file))));
      } catch (CertificateException e) {
        throw file.invalid(
            "certificate " + (chain.size() + 1) + " in it is not an X.509 certificate");
      }
    }
    if (chain.isEmpty()) {
      throw file.invalid(
          blocks.stream().anyMatch(block -> block.label().endsWith(PRIVATE_KEY))
              ? "it holds a private key, not a certificate: are the certificate and the key the"
                  + " wrong way round?"
              : "it holds no PEM certificate (a -----BEGIN CERTIFICATE----- block)");
    }
    return chain;
  }

  private static PrivateKey privateKey(SettingFile file) {
    List<Block> keys =
        blocks(file).stream().filter(block -> block.label().endsWith(PRIVATE_KEY)).toList();
    if (keys.isEmpty()) {
      throw file.invalid(
          hasCertificate(file)
              ? "it holds a certificate, not a private key: are the certificate and the key the"
                  + " wrong way round?"
              : "it holds no PEM private key (a -----BEGIN PRIVATE KEY----- block)");
    }
    if (keys.size() > 1) {
      throw file.invalid("it holds " + keys.size() + " private keys; give it the server's alone");
    }
    Block block = keys.get(0);
    switch (block.label()) {
      case PRIVATE_KEY:
        break;
      case "ENCRYPTED PRIVATE KEY":
        throw file.invalid(
            "the key is encrypted; Keygate reads an unencrypted PKCS#8 key (decrypt it with"
                + " 'openssl pkcs8 -in "
                + file.value()
                + " -out key.pem' and keep that file readable by Keygate's user alone)");
      default:
        // RSA PRIVATE KEY (PKCS#1), EC PRIVATE KEY (SEC 1) and the like.
        throw file.invalid(
            "the key is a -----BEGIN "
                + block.label()
                + "----- block; Keygate reads PKCS#8 (-----BEGIN PRIVATE KEY-----): convert it"
                + " with 'openssl pkcs8 -topk8 -nocrypt -in "
                + file.value()
                + " -out key.pem'");
    }
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(block.der(file));
    for (String algorithm : SIGNATURES.keySet()) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (InvalidKeySpecException notThisAlgorithm) {
        // Tried the next.
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("this JVM reads no " + algorithm + " key", e);
      }
    }
    throw file.invalid("the key is not a PKCS#8 RSA or EC private key");
  }

  /** Refuses a key that cannot sign for the server's certificate, the first of the chain. */
  private static void requireMatch(
      PrivateKey key, List<X509Certificate> chain, Configuration.Tls tls) {
    if (signsFor(key, chain.get(0))) {
      return;
    }
    String certificateFile = "'" + tls.certificate().value() + "'";
    for (int i = 1; i < chain.size(); i++) {
      if (signsFor(key, chain.get(i))) {
        throw tls.key()
            .invalid(
                "the key belongs to certificate "
                    + (i + 1)
                    + " in "
                    + certificateFile
                    + ", not the first; the server's own certificate must come first, then the"
                    + " certificates that issued it");
      }
    }
    throw tls.key()
        .invalid(
            "the key does not match the certificate in "
                + certificateFile
                + " ("
                + key.getAlgorithm()
                + " key, "
                + chain.get(0).getPublicKey().getAlgorithm()
                + " certificate for "
                + chain.get(0).getSubjectX500Principal().getName()
                + ")");
  }

  /** Whether a signature by {@code key} verifies with {@code certificate}'s public key. */
  private static boolean signsFor(PrivateKey key, X509Certificate certificate) {
    String algorithm = key.getAlgorithm();
    if (!algorithm.equals(certificate.getPublicKey().getAlgorithm())) {
      return false;
    }
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    try {
      Signature signer = Signature.getInstance(SIGNATURES.get(algorithm));
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(SIGNATURES.get(algorithm));
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // A key and a public key of one algorithm on different curves, say: no match.
      return false;
    }
  }

  private static boolean hasCertificate(SettingFile file) {
    return blocks(file).stream().anyMatch(block -> block.label().equals(CERTIFICATE));
  }

  /** Every PEM block in {@code file}; refuses a file that is not text of PEM blocks. */
  private static List<Block> blocks(SettingFile file) {
    String text = read(file);
    List<Block> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(text);
    while (matcher.find()) {
      blocks.add(new Block(matcher.group(1), matcher.group(2)));
    }
    long begun = BEGIN.matcher(text).results().count();
    if (begun > blocks.size()) {
      throw file.invalid(
          "it is not a well-formed PEM file: a -----BEGIN line has no matching -----END line");
    }
    return blocks;
  }

  private static String read(SettingFile file) {
    try {
      if (Files.isDirectory(file.path())) {
        throw file.invalid("it is a directory, not a PEM file");
      }
      if (Files.size(file.path()) > MAX_BYTES) {
        throw file.invalid("it is larger than 1 MiB, so not a PEM file of keys and certificates");
      }
      // PEM is ASCII; Latin-1 reads any bytes, so a binary file is refused for what it holds.
      return new String(Files.readAllBytes(file.path()), StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw file.invalid("no such file (" + file.path() + ")");
    } catch (AccessDeniedException e) {
      throw file.invalid("permission denied: Keygate's user cannot read " + file.path());
    } catch (IOException e) {
      throw file.invalid("cannot read it: " + e.getMessage());
    }
  }

  /** One {@code -----BEGIN label-----} … {@code -----END label-----} block. */
  private record Block(String label, String base64) {

    byte[] der(SettingFile file) {
      if (!BASE64.matcher(base64).matches()) {
        throw file.invalid(
            "its " + label + " block has headers or text that is not base64; give it plain PEM");
      }
      try {
        return Base64.getMimeDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        throw file.invalid("the base64 of its " + label + " block is broken");
      }
    }
  }
}
