package dev.keygate.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Identifiers that sort by creation time: a 48-bit millisecond timestamp, then 80 random bits, as
 * 32 lowercase hex digits. Within one millisecond the random part counts up from the first id's, so
 * ids made one after another in a process sort in the order they were made, and keyset pagination
 * by id pages in creation order.
 */
public final class TimeOrderedIds {

  /** Length of the hex part of every time-ordered id. */
  public static final int HEX_LENGTH = 32;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private static long lastMillis = -1;
  private static final byte[] LAST_RANDOM = new byte[10];

  private TimeOrderedIds() {}

  /** A new id body for the current instant of {@code clock}. */
  public static synchronized String next(Clock clock) {
    long millis = clock.millis();
    if (millis == lastMillis) {
      increment(LAST_RANDOM);
    } else {
      RANDOM.nextBytes(LAST_RANDOM);
      lastMillis = millis;
    }
    return HEX.toHexDigits(millis).substring(4) + HEX.formatHex(LAST_RANDOM);
  }

  private static void increment(byte[] counter) {
    for (int i = counter.length - 1; i >= 0; i--) {
      if (++counter[i] != 0) {
        return;
      }
    }
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
