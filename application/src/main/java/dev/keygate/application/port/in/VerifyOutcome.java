package dev.keygate.application.port.in;

/**
 * The answer to a verification. Status, expiry and scope answers are only given once the secret
 * matched; anything else is {@link #API_KEY_INVALID}, so nothing leaks.
 */
public enum VerifyOutcome {
  API_KEY_VERIFIED("API key verified"),
  API_KEY_INVALID("API key is invalid"),
  API_KEY_INACTIVE("API key is inactive"),
  API_KEY_REVOKED("API key has been revoked"),
  API_KEY_EXPIRED("API key has expired"),
  API_KEY_INSUFFICIENT_SCOPE("API key lacks a required scope"),
  API_KEY_IP_NOT_ALLOWED("API key is not allowed from this address"),
  API_KEY_RATE_LIMITED("API key is over a rate limit"),
  API_KEY_USAGE_EXCEEDED("API key has no credits left");

  private final String message;

  VerifyOutcome(String message) {
    this.message = message;
  }

  /** The sentence that goes with the code. */
  public String message() {
    return message;
  }

  public boolean isValid() {
    return this == API_KEY_VERIFIED;
  }
}
