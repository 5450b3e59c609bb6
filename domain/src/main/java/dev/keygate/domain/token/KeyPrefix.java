package dev.keygate.domain.token;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;

/**
 * The deployment's token prefix, {@code k_live} by default: tells people and secret scanners what a
 * token is for.
 */
public record KeyPrefix(String value) {

  public static final int MAX_LENGTH = 16;
  public static final KeyPrefix DEFAULT = new KeyPrefix("k_live");

  public KeyPrefix {
    Checks.required("key prefix", value);
    if (!isValid(value)) {
      throw new ValidationException(
          "key prefix must be a lowercase letter followed by up to 15 of a-z 0-9 _");
    }
  }

  /**
   * Whether {@code value} may serve as a prefix: {@code [a-z][a-z0-9_]{0,15}}, checked by hand
   * since every verification parses one.
   */
  public static boolean isValid(CharSequence value) {
    int length = value.length();
    if (length < 1 || length > MAX_LENGTH || !isLowercaseLetter(value.charAt(0))) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = value.charAt(i);
      if (!isLowercaseLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowercaseLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  @Override
  public String toString() {
    return value;
  }
}
