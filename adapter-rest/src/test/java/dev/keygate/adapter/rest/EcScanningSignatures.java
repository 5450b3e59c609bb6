package dev.keygate.adapter.rest;

import dev.keygate.application.port.out.ScanningSignatures;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * A secret scanner's keys as GitHub's are used: ECDSA on P-256 with SHA-256, each signature base64
 * of its DER form over the body's bytes. A test-only stand-in for the adapter that reads GitHub's
 * key file; it holds the private halves too, so that a test signs as GitHub would.
 */
final class EcScanningSignatures implements ScanningSignatures {

  /** The identifier of the key {@link #sign} signs with. */
  static final String KEY_IDENTIFIER =
      "90a421169f0a406205f1563a953312f0be898d3c7b6c06b681aa86a874555f4a";

  /** A second key GitHub lists, which verifies too (GitHub rotates its keys). */
  static final String OTHER_KEY_IDENTIFIER =
      "bcb53661c06b4728e59d897fb6165d5c9cda0fd9cdf9d09ead458168deb7518c";

  private final KeyPair current = generate();
  private final KeyPair other = generate();
  private final KeyPair stranger = generate();
  private final Map<String, PublicKey> listed =
      Map.of(KEY_IDENTIFIER, current.getPublic(), OTHER_KEY_IDENTIFIER, other.getPublic());

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public boolean verifies(String keyIdentifier, String signature, byte[] body) {
    PublicKey key = listed.get(keyIdentifier);
    if (key == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(key);
      verifier.update(body);
      return verifier.verify(Base64.getDecoder().decode(signature));
    } catch (IllegalArgumentException | GeneralSecurityException malformed) {
      return false;
    }
  }

  /** GitHub's signature of {@code body} with the key {@link #KEY_IDENTIFIER}. */
  String sign(byte[] body) {
    return sign(current.getPrivate(), body);
  }

  /** The signature of the other listed key. */
  String signWithOther(byte[] body) {
    return sign(other.getPrivate(), body);
  }

  /** A signature by a key no one listed. */
  String signWithStranger(byte[] body) {
    return sign(stranger.getPrivate(), body);
  }

  private static String sign(PrivateKey key, byte[] body) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(key);
      signer.update(body);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
