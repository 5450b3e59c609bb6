package dev.keygate.domain.key;

import dev.keygate.domain.Checks;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.SecretLookup;
import dev.keygate.domain.token.TokenFormat;
import java.time.Instant;
import java.util.Optional;

/**
 * One secret of a key: its public lookup, the Argon2id hash of the secret (never the secret), and
 * how it shows to people. A key holds several only during a rotation's grace period.
 */
public record KeySecret(
    KeyPrefix prefix,
    SecretLookup lookup,
    String suffix,
    String hash,
    Instant createdOn,
    Optional<Instant> expiresOn) {

  public KeySecret {
    Checks.required("key prefix", prefix);
    Checks.required("secret lookup", lookup);
    Checks.required("key suffix", suffix);
    if (suffix.length() != TokenFormat.SUFFIX_LENGTH) {
      throw new ValidationException("key suffix must be 4 characters, was " + suffix.length());
    }
    Checks.required("secret hash", hash);
    if (hash.isBlank()) {
      throw new ValidationException("secret hash must not be blank");
    }
    Checks.required("secret creation time", createdOn);
    Checks.required("secret expiry", expiresOn);
  }

  /** A secret that lives as long as its key. */
  public static KeySecret issued(
      KeyPrefix prefix, SecretLookup lookup, String suffix, String hash, Instant now) {
    return new KeySecret(prefix, lookup, suffix, hash, now, Optional.empty());
  }

  /** Whether this secret no longer opens its key at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return expiresOn.isPresent() && !now.isBefore(expiresOn.get());
  }

  /** This secret expiring at {@code deadline}, or earlier if it already would. */
  public KeySecret expiringBy(Instant deadline) {
    if (expiresOn.isPresent() && expiresOn.get().isBefore(deadline)) {
      return this;
    }
    return new KeySecret(prefix, lookup, suffix, hash, createdOn, Optional.of(deadline));
  }

  /** The same secret under a new hash of it, as when the hashing parameters were raised. */
  public KeySecret rehashed(String newHash) {
    return new KeySecret(prefix, lookup, suffix, newHash, createdOn, expiresOn);
  }

  /** The key's start as people see it, such as {@code k_live_AbC123}. */
  public String displayPrefix() {
    return TokenFormat.displayPrefix(prefix, lookup);
  }

  /** Leaves out the hash: a hash is not for logs either. */
  @Override
  public String toString() {
    return "KeySecret[lookup="
        + lookup
        + ", createdOn="
        + createdOn
        + ", expiresOn="
        + expiresOn.map(Instant::toString).orElse("never")
        + "]";
  }
}
