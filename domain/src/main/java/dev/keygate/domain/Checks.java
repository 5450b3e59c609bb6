package dev.keygate.domain;

import java.util.Objects;

/** The validation rules that several value objects share, with messages that name the value. */
public final class Checks {

  private Checks() {}

  /** Refuses a missing value: {@code "<what> is required"}. */
  public static <T> T required(String what, T value) {
    if (value == null) {
      throw new ValidationException(what + " is required");
    }
    return value;
  }

  /**
   * A human-readable name: trimmed, {@code 1..max} characters, no control characters.
   *
   * @return the trimmed name
   */
  public static String name(String what, String value, int max) {
    String trimmed = required(what, value).strip();
    lengthBetween(what, trimmed, 1, max);
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException(what + " must not contain control characters");
    }
    return wellFormed(what, trimmed);
  }

  /** A single token of text such as a scope key or an audience: no whitespace, no controls. */
  public static String word(String what, String value, int max) {
    required(what, value);
    lengthBetween(what, value, 1, max);
    if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new ValidationException(what + " must not contain whitespace or control characters");
    }
    return wellFormed(what, value);
  }

  /**
   * Refuses text with a lone surrogate, which a JSON escape can carry: it is no Unicode character,
   * so no database could store it as given. Refuses the bidirectional overrides and isolates too
   * (U+202A-U+202E, U+2066-U+2069): they make text display as something other than what it is, in
   * the console, the CLI's tables and the audit trail alike.
   *
   * @return the value
   */
  public static String wellFormed(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new ValidationException(
            what + " must be valid Unicode text (a lone surrogate is not)");
      } else if (isBidirectionalControl(c)) {
        throw new ValidationException(
            what
                + " must not contain bidirectional control characters"
                + " (U+202A-U+202E, U+2066-U+2069)");
      }
    }
    return value;
  }

  private static boolean isBidirectionalControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  /** Refuses a string whose length lies outside {@code min..max}, naming the length it had. */
  public static void lengthBetween(String what, String value, int min, int max) {
    int length = Objects.requireNonNull(value).length();
    if (length < min || length > max) {
      throw new ValidationException(
          what + " must be " + min + "-" + max + " characters, was " + length);
    }
  }
}
