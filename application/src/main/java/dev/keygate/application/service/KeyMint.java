package dev.keygate.application.service;

import dev.keygate.application.port.out.SecretHasher;
import dev.keygate.domain.key.KeySecret;
import dev.keygate.domain.token.KeyGenerator;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.PlaintextKey;
import dev.keygate.domain.token.SecretLookup;
import dev.keygate.domain.token.TokenFormat;
import java.time.Instant;
import java.util.Arrays;

/**
 * Makes a new secret for a key: a random lookup and secret, the token shown once, and the hash that
 * is stored instead of the secret.
 */
final class KeyMint {

  private final KeyGenerator generator;
  private final SecretHasher hasher;
  private final KeyPrefix prefix;

  KeyMint(KeyGenerator generator, SecretHasher hasher, KeyPrefix prefix) {
    this.generator = generator;
    this.hasher = hasher;
    this.prefix = prefix;
  }

  Minted mint(Instant now) {
    SecretLookup lookup = generator.newLookup();
    char[] secret = generator.newSecret();
    try {
      PlaintextKey token = TokenFormat.compose(prefix, lookup, secret);
      String hash = hasher.hash(secret);
      return new Minted(KeySecret.issued(prefix, lookup, token.suffix(), hash, now), token);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  /** The stored half and the shown-once half of a new secret. */
  record Minted(KeySecret secret, PlaintextKey token) {}
}
