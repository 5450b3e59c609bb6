package dev.keygate.domain.token;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * An oracle for the token format written from its description alone ({@code
 * <prefix>_<lookup><secret><checksum>}: 12 and 43 base62 characters, then the CRC32 of everything
 * before it as 6 base62 digits; README, "Tokens"), so tests do not check the production code
 * against itself.
 */
final class Tokens {

  static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Tokens() {}

  /** CRC32 of the ASCII bytes of {@code head}, as 6 base62 digits, most significant first. */
  static String checksum(String head) {
    CRC32 crc = new CRC32();
    crc.update(head.getBytes(StandardCharsets.US_ASCII));
    long value = crc.getValue();
    char[] digits = new char[6];
    for (int i = 5; i >= 0; i--) {
      digits[i] = BASE62.charAt((int) (value % 62));
      value /= 62;
    }
    return new String(digits);
  }

  /** {@code <prefix>_<lookup><secret><checksum>}. */
  static String token(String prefix, String lookup, String secret) {
    String head = prefix + "_" + lookup + secret;
    return head + checksum(head);
  }
}
