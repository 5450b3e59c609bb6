package dev.keygate.domain.token;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.util.regex.Pattern;

/**
 * The deployment's token prefix, {@code k_live} by default: tells people and secret scanners what a
 * token is for.
 */
public record KeyPrefix(String value) {

  // Initialised before DEFAULT, whose construction needs it.
  private static final Pattern ALLOWED = Pattern.compile("[a-z][a-z0-9_]{0,15}");

  public static final KeyPrefix DEFAULT = new KeyPrefix("k_live");
  public static final int MAX_LENGTH = 16;

  public KeyPrefix {
    Checks.required("key prefix", value);
    if (!isValid(value)) {
      throw new ValidationException(
          "key prefix must be a lowercase letter followed by up to 15 of a-z 0-9 _");
    }
  }

  /** Whether {@code value} may serve as a prefix. */
  public static boolean isValid(CharSequence value) {
    return ALLOWED.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
