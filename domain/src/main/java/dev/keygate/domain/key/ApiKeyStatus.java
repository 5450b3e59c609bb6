package dev.keygate.domain.key;

import dev.keygate.domain.ValidationException;
import java.util.Locale;

/** The stored state of an API key. Expiry is a fact of time and not a status. */
public enum ApiKeyStatus {
  ACTIVE,
  INACTIVE,
  /** Terminal: a revoked key never verifies again. */
  REVOKED;

  /** {@code active}, {@code inactive} or {@code revoked}, as the REST API and the CLI write it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code active}, {@code inactive} or {@code revoked}. */
  public static ApiKeyStatus fromWireName(String value) {
    for (ApiKeyStatus status : values()) {
      if (status.wireName().equals(value)) {
        return status;
      }
    }
    throw new ValidationException("status must be one of active, inactive, revoked");
  }
}
