package dev.keygate.application.service;

/**
 * Repeats caller input in error messages and the audit trail, except what could be a secret pasted
 * into the wrong field: anything long, or holding a long run of mixed-case letters and digits as a
 * token's secret part does. Keygate's own lowercase-hex ids pass.
 */
final class Echo {

  private static final int MAX_ECHOED = 64;

  /** Shorter than any secret worth hiding, longer than the words of a scope or a code. */
  private static final int SECRET_LIKE_RUN = 24;

  private Echo() {}

  /** The input in quotes, or a note of its length when it may be secret. */
  static String quote(String input) {
    if (input == null) {
      return "(none)";
    }
    return isSafe(input) ? "'" + input + "'" : withheld(input);
  }

  /** The input as it is, or a note of its length when it may be secret. */
  static String plain(String input) {
    return isSafe(input) ? input : withheld(input);
  }

  static boolean isSafe(String input) {
    if (input.length() > MAX_ECHOED) {
      return false;
    }
    int run = 0;
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        run = 0;
        upper = false;
        lower = false;
        continue;
      }
      run++;
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
      if (run >= SECRET_LIKE_RUN && upper && lower) {
        return false;
      }
    }
    return true;
  }

  private static String withheld(String input) {
    return "(a value of " + input.length() + " characters, not repeated here)";
  }
}
