package dev.keygate.application.service;

import dev.keygate.domain.token.TokenFormat;

/** Quotes caller input in error messages, except what could be a token pasted in by mistake. */
final class Echo {

  private static final int MAX_ECHOED = 64;

  private Echo() {}

  static String quote(String input) {
    if (input == null) {
      return "(none)";
    }
    if (input.length() > MAX_ECHOED || TokenFormat.parse(input).isPresent()) {
      return "(a value of " + input.length() + " characters, not repeated here)";
    }
    return "'" + input + "'";
  }
}
