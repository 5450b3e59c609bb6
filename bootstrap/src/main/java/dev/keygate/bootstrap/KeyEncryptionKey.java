package dev.keygate.bootstrap;

import java.util.Base64;

/**
 * The key that the private halves of access-token signing keys are stored encrypted under: {@code
 * KEYGATE_SIGNING_KEY_ENCRYPTION_KEY}, 32 random bytes in base64. It never prints.
 */
final class KeyEncryptionKey {

  private final byte[] bytes;

  private KeyEncryptionKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * @throws IllegalArgumentException unless {@code base64} is 32 bytes in base64; the message never
   *     repeats the value
   */
  static KeyEncryptionKey parse(String base64) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException(
          "must be 32 random bytes in base64 (openssl rand -base64 32)");
    }
    if (decoded.length != 32) {
      throw new IllegalArgumentException(
          "must be 32 random bytes in base64 (openssl rand -base64 32), was " + decoded.length);
    }
    return new KeyEncryptionKey(decoded);
  }

  byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "***";
  }
}
