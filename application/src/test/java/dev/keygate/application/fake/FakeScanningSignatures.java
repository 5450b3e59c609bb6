package dev.keygate.application.fake;

import dev.keygate.application.port.out.ScanningSignatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * {@link ScanningSignatures} with one key, {@value #KEY_IDENTIFIER}, whose "signature" of a body is
 * {@link #sign}: a digest of the key's name and the body, so that a changed body or another key
 * does not verify. Configured unless told otherwise.
 */
public final class FakeScanningSignatures implements ScanningSignatures {

  public static final String KEY_IDENTIFIER = "fake-github-key";

  private volatile boolean configured = true;

  @Override
  public boolean configured() {
    return configured;
  }

  @Override
  public boolean verifies(String keyIdentifier, String signature, byte[] body) {
    return configured && KEY_IDENTIFIER.equals(keyIdentifier) && sign(body).equals(signature);
  }

  /** As if no scanner's key were configured. */
  public void unconfigure() {
    configured = false;
  }

  /** The signature of {@code body} under {@value #KEY_IDENTIFIER}. */
  public static String sign(byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(KEY_IDENTIFIER.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
