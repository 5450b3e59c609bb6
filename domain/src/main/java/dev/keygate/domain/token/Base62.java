package dev.keygate.domain.token;

/** The base62 alphabet of every token, {@code 0-9A-Za-z} in that order. */
public final class Base62 {

  public static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  public static final int RADIX = 62;

  private Base62() {}

  /** The digit for {@code value} in {@code 0..61}. */
  public static char digit(int value) {
    return ALPHABET.charAt(value);
  }

  /** The value of base62 digit {@code c}, or -1 when {@code c} is not one. */
  public static int valueOf(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 36;
    }
    return -1;
  }

  /** Whether every character of {@code text} is a base62 digit. */
  public static boolean isBase62(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (valueOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code value} (non-negative) as exactly {@code width} digits, most significant first. */
  public static String encode(long value, int width) {
    if (value < 0) {
      throw new IllegalArgumentException("base62 encodes non-negative numbers only");
    }
    char[] digits = new char[width];
    long rest = value;
    for (int i = width - 1; i >= 0; i--) {
      digits[i] = digit((int) (rest % RADIX));
      rest /= RADIX;
    }
    if (rest != 0) {
      throw new IllegalArgumentException("value does not fit in " + width + " base62 digits");
    }
    return new String(digits);
  }
}
