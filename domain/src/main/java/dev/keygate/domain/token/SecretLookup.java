package dev.keygate.domain.token;

import dev.keygate.domain.ValidationException;

/**
 * The public, unique part of a token that finds its stored secret: 12 base62 characters (about 71
 * random bits). Knowing it grants nothing.
 */
public record SecretLookup(String value) {

  public static final int LENGTH = 12;

  /** How many characters of the lookup people see in a key's displayed prefix. */
  public static final int DISPLAYED_LENGTH = 6;

  public SecretLookup {
    if (value == null || value.length() != LENGTH || !Base62.isBase62(value)) {
      throw new ValidationException("secret lookup must be 12 base62 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
