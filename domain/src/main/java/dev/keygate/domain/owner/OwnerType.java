package dev.keygate.domain.owner;

import java.util.Locale;

/** What kind of owner holds an API key; the REST {@code type} field spells it in lower case. */
public enum OwnerType {
  ORGANIZATION,
  USER;

  /** {@code organization} or {@code user}, as the REST API and the CLI write it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
