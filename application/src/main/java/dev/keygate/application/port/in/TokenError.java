package dev.keygate.application.port.in;

import java.util.Locale;

/** The error codes of RFC 6749, section 5.2. */
public enum TokenError {
  INVALID_REQUEST,
  INVALID_CLIENT,
  INVALID_GRANT,
  UNAUTHORIZED_CLIENT,
  UNSUPPORTED_GRANT_TYPE,
  INVALID_SCOPE;

  /** The code as the RFC writes it, such as {@code invalid_client}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
