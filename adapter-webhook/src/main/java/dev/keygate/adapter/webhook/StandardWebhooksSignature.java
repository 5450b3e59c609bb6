package dev.keygate.adapter.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} of Standard Webhooks v1: HMAC-SHA256 under the secret's bytes over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, written {@code v1,<base64>}.
 */
final class StandardWebhooksSignature {

  private static final String ALGORITHM = "HmacSHA256";

  private StandardWebhooksSignature() {}

  /**
   * The header value signing {@code body} sent as {@code messageId} at {@code unixSeconds}.
   *
   * @param key the secret's bytes, as decoded from its {@code whsec_} form
   */
  static String sign(byte[] key, String messageId, long unixSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      mac.update((messageId + "." + unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      // Every Java runtime has HmacSHA256; the message never names the key.
      throw new IllegalStateException("cannot compute HmacSHA256: " + e.getClass().getSimpleName());
    }
  }
}
