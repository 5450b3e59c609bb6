package dev.keygate.application.service;

import dev.keygate.domain.token.SecretShape;

/**
 * Repeats caller input in error messages and the audit trail, except what could be a secret pasted
 * into the wrong field ({@link SecretShape}).
 */
final class Echo {

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
    return !SecretShape.mayHoldSecret(input);
  }

  private static String withheld(String input) {
    return "(a value of " + input.length() + " characters, not repeated here)";
  }
}
