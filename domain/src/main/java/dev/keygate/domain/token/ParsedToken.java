package dev.keygate.domain.token;

import java.util.Arrays;

/**
 * A token whose structure and checksum are sound, split into its parts. The secret part and the
 * whole token are handed out as fresh arrays the caller should wipe; neither ever prints.
 */
public final class ParsedToken {

  private final KeyPrefix prefix;
  private final SecretLookup lookup;
  private final char[] token;
  private final int secretStart;

  ParsedToken(KeyPrefix prefix, SecretLookup lookup, char[] token, int secretStart) {
    this.prefix = prefix;
    this.lookup = lookup;
    this.token = token;
    this.secretStart = secretStart;
  }

  public KeyPrefix prefix() {
    return prefix;
  }

  public SecretLookup lookup() {
    return lookup;
  }

  /** A copy of the 43-character secret part. */
  public char[] secret() {
    return Arrays.copyOfRange(token, secretStart, secretStart + TokenFormat.SECRET_LENGTH);
  }

  /** A copy of the whole token, for keyed digests that must never see it in a string. */
  public char[] token() {
    return token.clone();
  }

  /** Overwrites the token held here once it is no longer needed. */
  public void wipe() {
    Arrays.fill(token, '\0');
  }

  @Override
  public String toString() {
    return "ParsedToken[prefix=" + prefix + ", lookup=" + lookup + ", secret=***]";
  }
}
