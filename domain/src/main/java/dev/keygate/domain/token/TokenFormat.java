package dev.keygate.domain.token;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The token layout {@code <prefix>_<lookup><secret><checksum>}: 12 lookup, 43 secret and 6 checksum
 * characters in base62, the checksum being the CRC32 of everything before it. Parsing needs no I/O,
 * so typos, truncations and scanners' false hits are refused before any database read or hash.
 */
public final class TokenFormat {

  public static final int LOOKUP_LENGTH = SecretLookup.LENGTH;
  public static final int SECRET_LENGTH = 43;
  public static final int CHECKSUM_LENGTH = 6;

  /** How many trailing characters of a token people see as its suffix. */
  public static final int SUFFIX_LENGTH = 4;

  private static final int BODY_LENGTH = LOOKUP_LENGTH + SECRET_LENGTH + CHECKSUM_LENGTH;
  private static final int MIN_LENGTH = 1 + 1 + BODY_LENGTH;
  private static final int MAX_LENGTH = KeyPrefix.MAX_LENGTH + 1 + BODY_LENGTH;

  private TokenFormat() {}

  /** Assembles a token and appends its checksum. */
  public static PlaintextKey compose(KeyPrefix prefix, SecretLookup lookup, char[] secret) {
    if (secret.length != SECRET_LENGTH || !Base62.isBase62(CharBuffer.wrap(secret))) {
      throw new IllegalArgumentException("a secret is 43 base62 characters");
    }
    String head = prefix.value() + '_' + lookup.value();
    char[] token = new char[head.length() + SECRET_LENGTH + CHECKSUM_LENGTH];
    head.getChars(0, head.length(), token, 0);
    System.arraycopy(secret, 0, token, head.length(), SECRET_LENGTH);
    int checksumStart = token.length - CHECKSUM_LENGTH;
    String checksum = Base62.encode(crc32(token, checksumStart), CHECKSUM_LENGTH);
    checksum.getChars(0, CHECKSUM_LENGTH, token, checksumStart);
    return new PlaintextKey(token);
  }

  /**
   * Splits {@code candidate} into its parts when its shape and checksum are sound.
   *
   * @return empty for anything that is not a well-formed token
   */
  public static Optional<ParsedToken> parse(CharSequence candidate) {
    if (candidate == null) {
      return Optional.empty();
    }
    int length = candidate.length();
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return Optional.empty();
    }
    int bodyStart = length - BODY_LENGTH;
    if (candidate.charAt(bodyStart - 1) != '_'
        || !KeyPrefix.isValid(candidate.subSequence(0, bodyStart - 1))
        || !Base62.isBase62(candidate.subSequence(bodyStart, length))) {
      return Optional.empty();
    }
    char[] token = new char[length];
    for (int i = 0; i < length; i++) {
      token[i] = candidate.charAt(i);
    }
    int checksumStart = length - CHECKSUM_LENGTH;
    long expected = crc32(token, checksumStart);
    if (decode(token, checksumStart, length) != expected) {
      Arrays.fill(token, '\0');
      return Optional.empty();
    }
    KeyPrefix prefix = new KeyPrefix(new String(token, 0, bodyStart - 1));
    SecretLookup lookup = new SecretLookup(new String(token, bodyStart, LOOKUP_LENGTH));
    return Optional.of(new ParsedToken(prefix, lookup, token, bodyStart + LOOKUP_LENGTH));
  }

  /** What people see of a key's start: the prefix, {@code _} and the lookup's first 6 chars. */
  public static String displayPrefix(KeyPrefix prefix, SecretLookup lookup) {
    return prefix.value() + '_' + lookup.value().substring(0, SecretLookup.DISPLAYED_LENGTH);
  }

  private static long crc32(char[] token, int end) {
    byte[] ascii = new byte[end];
    for (int i = 0; i < end; i++) {
      ascii[i] = (byte) token[i];
    }
    CRC32 crc = new CRC32();
    crc.update(ascii);
    Arrays.fill(ascii, (byte) 0);
    return crc.getValue();
  }

  private static long decode(char[] token, int start, int end) {
    long value = 0;
    for (int i = start; i < end; i++) {
      value = value * Base62.RADIX + Base62.valueOf(token[i]);
    }
    return value;
  }
}
