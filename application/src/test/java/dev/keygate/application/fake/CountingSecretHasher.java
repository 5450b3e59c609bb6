package dev.keygate.application.fake;

import dev.keygate.application.port.out.SecretHasher;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast salted SHA-256 stand-in for Argon2 that counts its calls, so tests can prove when the
 * expensive hash is (not) paid. Test code only: production hashes with Argon2id.
 */
public final class CountingSecretHasher implements SecretHasher {

  private static final String SCHEME = "$test-sha256$";
  private static final String RAISED = "$raised";

  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger hashes = new AtomicInteger();
  private final AtomicInteger verifications = new AtomicInteger();
  private volatile boolean raised;

  /** From now on hashes carry raised parameters, and hashes without them need a rehash. */
  public void raiseParameters() {
    raised = true;
  }

  @Override
  public String hash(char[] secret) {
    hashes.incrementAndGet();
    byte[] salt = new byte[8];
    random.nextBytes(salt);
    String saltHex = HexFormat.of().formatHex(salt);
    return SCHEME + saltHex + "$" + digest(saltHex, secret) + (raised ? RAISED : "");
  }

  @Override
  public boolean verify(String hash, char[] secret) {
    verifications.incrementAndGet();
    if (!hash.startsWith(SCHEME)) {
      return false;
    }
    String[] parts = hash.substring(SCHEME.length()).split("\\$");
    return parts.length >= 2
        && MessageDigest.isEqual(
            parts[1].getBytes(StandardCharsets.US_ASCII),
            digest(parts[0], secret).getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public boolean needsRehash(String hash) {
    return raised && !hash.endsWith(RAISED);
  }

  public int hashes() {
    return hashes.get();
  }

  public int verifications() {
    return verifications.get();
  }

  private static String digest(String salt, char[] secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.US_ASCII));
      sha.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
