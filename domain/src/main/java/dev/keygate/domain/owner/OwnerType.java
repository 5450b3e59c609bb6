package dev.keygate.domain.owner;

import dev.keygate.domain.ValidationException;
import java.util.Locale;

/** What kind of owner holds an API key; the REST {@code type} field spells it in lower case. */
public enum OwnerType {
  ORGANIZATION,
  USER;

  /** {@code organization} or {@code user}, as the REST API and the CLI write it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code organization} or {@code user}. */
  public static OwnerType fromWireName(String value) {
    for (OwnerType type : values()) {
      if (type.wireName().equals(value)) {
        return type;
      }
    }
    throw new ValidationException("key type must be organization or user");
  }
}
