package dev.keygate.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Identifiers that sort by creation time: a 48-bit millisecond timestamp, then 80 random bits, as
 * 32 lowercase hex digits. Keyset pagination by id therefore pages in creation order.
 */
public final class TimeOrderedIds {

  /** Length of the hex part of every time-ordered id. */
  public static final int HEX_LENGTH = 32;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private TimeOrderedIds() {}

  /** A new id body for the current instant of {@code clock}. */
  public static String next(Clock clock) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    String millis = HEX.toHexDigits(clock.millis()).substring(4);
    return millis + HEX.formatHex(random);
  }

  /** {@code count} random lowercase hex digits, for identifiers too short to carry a timestamp. */
  public static String randomHex(int count) {
    byte[] random = new byte[(count + 1) / 2];
    RANDOM.nextBytes(random);
    return HEX.formatHex(random).substring(0, count);
  }

  /**
   * Whether {@code value} is {@code prefix} followed by exactly {@code hexDigits} lowercase hex.
   */
  public static boolean matches(String value, String prefix, int hexDigits) {
    if (value == null
        || value.length() != prefix.length() + hexDigits
        || !value.startsWith(prefix)) {
      return false;
    }
    for (int i = prefix.length(); i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
