package dev.keygate.adapter.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a receiver checks a request, written from the Standard Webhooks specification's text rather
 * than from the sender's code: the secret is the base64 after {@code whsec_}; the signed content is
 * {@code msg_id.timestamp.payload}; the header is a space-separated list of {@code
 * version,signature}, and one {@code v1} signature equal to HMAC-SHA256 of the content suffices.
 */
final class StandardWebhooksReceiver {

  private StandardWebhooksReceiver() {}

  static boolean verifies(String shownSecret, Receiver.Received request) {
    String id = request.header("webhook-id");
    String timestamp = request.header("webhook-timestamp");
    String signatures = request.header("webhook-signature");
    if (id == null || timestamp == null || signatures == null) {
      return false;
    }
    if (!shownSecret.startsWith("whsec_")) {
      return false;
    }
    byte[] key = Base64.getDecoder().decode(shownSecret.substring("whsec_".length()));
    String signedContent =
        id + "." + timestamp + "." + new String(request.body(), StandardCharsets.UTF_8);
    byte[] expected;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      expected = mac.doFinal(signedContent.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    for (String versioned : signatures.split(" ")) {
      String[] parts = versioned.split(",", 2);
      if (parts.length == 2
          && parts[0].equals("v1")
          && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
        return true;
      }
    }
    return false;
  }
}
