package dev.keygate.application.port.out;

/** One-way hashing of key secrets; the plaintext is never stored. */
public interface SecretHasher {

  /** A self-describing hash of {@code secret} with a fresh salt. */
  String hash(char[] secret);

  /** Whether {@code secret} matches {@code hash}; never throws for a malformed hash. */
  boolean verify(String hash, char[] secret);

  /** Whether {@code hash} was made with weaker parameters than those configured now. */
  boolean needsRehash(String hash);
}
