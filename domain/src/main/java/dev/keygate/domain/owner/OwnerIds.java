package dev.keygate.domain.owner;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import java.util.regex.Pattern;

/** The rule that client-supplied organization codes and user ids share. */
final class OwnerIds {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.:-]*");

  private OwnerIds() {}

  static String check(String what, String value) {
    Checks.required(what, value);
    Checks.lengthBetween(what, value, 1, 64);
    if (!ALLOWED.matcher(value).matches()) {
      throw new ValidationException(what + " may only contain A-Z a-z 0-9 _ . : -");
    }
    return value;
  }
}
