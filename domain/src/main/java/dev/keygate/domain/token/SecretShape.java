package dev.keygate.domain.token;

/**
 * Whether caller input could be a secret pasted into the wrong field, so that it must not be
 * repeated in an error message or the audit trail: anything long, or holding a long run of
 * mixed-case letters and digits as a token's secret part does. Keygate's own lowercase-hex ids and
 * the words of scopes and codes do not.
 */
public final class SecretShape {

  /** Longer input is never repeated. */
  public static final int MAX_REPEATED = 64;

  /** Shorter than any secret worth hiding, longer than the words of a scope or a code. */
  static final int SECRET_LIKE_RUN = 24;

  private SecretShape() {}

  public static boolean mayHoldSecret(CharSequence input) {
    if (input.length() > MAX_REPEATED) {
      return true;
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
        return true;
      }
    }
    return false;
  }
}
