package dev.keygate.domain.token;

/** Makes the random parts of a new token; implemented on a cryptographically strong source. */
public interface KeyGenerator {

  /** A fresh random lookup. */
  SecretLookup newLookup();

  /** A fresh secret of {@link TokenFormat#SECRET_LENGTH} uniformly random base62 characters. */
  char[] newSecret();
}
