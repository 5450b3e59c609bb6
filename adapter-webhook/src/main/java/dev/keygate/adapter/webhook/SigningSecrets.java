package dev.keygate.adapter.webhook;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import dev.keygate.application.port.out.WebhookSender.NewSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets: 32 random bytes, shown as {@code whsec_} and base64, and stored either
 * sealed under the deployment's key-encryption key (a JWE, direct A256GCM, as the access tokens'
 * signing keys are) or, without one, as {@code plain:} and base64. Both stored forms are read, so a
 * deployment that gains a key-encryption key still signs with the secrets made before it.
 */
final class SigningSecrets {

  static final int SECRET_BYTES = 32;
  static final int KEY_ENCRYPTION_KEY_BYTES = 32;
  static final String SHOWN_PREFIX = "whsec_";
  static final String PLAIN_PREFIX = "plain:";

  private final Optional<SecretKey> keyEncryptionKey;
  private final SecureRandom random = new SecureRandom();

  /** Secrets stored as {@code plain:} and base64. */
  SigningSecrets() {
    this.keyEncryptionKey = Optional.empty();
  }

  /** Secrets stored sealed under {@code keyEncryptionKey}, 32 bytes. */
  SigningSecrets(byte[] keyEncryptionKey) {
    if (keyEncryptionKey.length != KEY_ENCRYPTION_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a key-encryption key must be " + KEY_ENCRYPTION_KEY_BYTES + " bytes");
    }
    this.keyEncryptionKey = Optional.of(new SecretKeySpec(keyEncryptionKey.clone(), "AES"));
  }

  NewSecret generate() {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    byte[] encoded = Base64.getEncoder().encode(secret);
    try {
      char[] shown = new char[SHOWN_PREFIX.length() + encoded.length];
      SHOWN_PREFIX.getChars(0, SHOWN_PREFIX.length(), shown, 0);
      for (int i = 0; i < encoded.length; i++) {
        shown[SHOWN_PREFIX.length() + i] = (char) encoded[i];
      }
      return new NewSecret(shown, seal(secret, encoded));
    } finally {
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(encoded, (byte) 0);
    }
  }

  private String seal(byte[] secret, byte[] encoded) {
    if (keyEncryptionKey.isEmpty()) {
      return PLAIN_PREFIX + new String(encoded, StandardCharsets.US_ASCII);
    }
    try {
      JWEObject sealed =
          new JWEObject(
              new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), new Payload(secret));
      sealed.encrypt(new DirectEncrypter(keyEncryptionKey.get()));
      return sealed.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("could not seal a webhook signing secret: " + e.getMessage());
    }
  }

  /**
   * The secret's bytes from its stored form; wipe them after use.
   *
   * @throws IllegalStateException saying why, never with the secret, when it cannot be opened: a
   *     sealed secret without the key-encryption key, under another one, or a damaged value
   */
  byte[] open(String stored) {
    if (stored.startsWith(PLAIN_PREFIX)) {
      byte[] secret;
      try {
        secret = Base64.getDecoder().decode(stored.substring(PLAIN_PREFIX.length()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("the webhook's stored signing secret is not base64");
      }
      return checked(secret);
    }
    if (keyEncryptionKey.isEmpty()) {
      throw new IllegalStateException(
          "the webhook's signing secret is stored sealed: the key-encryption key it was made under"
              + " is needed");
    }
    byte[] secret;
    try {
      JWEObject sealed = JWEObject.parse(stored);
      sealed.decrypt(new DirectDecrypter(keyEncryptionKey.get()));
      secret = sealed.getPayload().toBytes();
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException(
          "the webhook's signing secret cannot be opened (a wrong key-encryption key, or a damaged"
              + " secret)");
    }
    return checked(secret);
  }

  private static byte[] checked(byte[] secret) {
    if (secret.length != SECRET_BYTES) {
      Arrays.fill(secret, (byte) 0);
      throw new IllegalStateException(
          "the webhook's stored signing secret is not " + SECRET_BYTES + " bytes");
    }
    return secret;
  }
}
