package dev.keygate.adapter.crypto;

import dev.keygate.domain.token.Base62;
import dev.keygate.domain.token.KeyGenerator;
import dev.keygate.domain.token.SecretLookup;
import dev.keygate.domain.token.TokenFormat;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Draws lookups and secrets from {@link SecureRandom}. Each character comes from one random byte,
 * rejection-sampled so all 62 digits are equally likely (a plain {@code byte % 62} is not).
 */
public final class SecureRandomKeyGenerator implements KeyGenerator {

  /** The largest multiple of 62 that fits a byte: bytes at or above it are drawn again. */
  private static final int LIMIT = 256 - 256 % Base62.RADIX;

  private final SecureRandom random;

  public SecureRandomKeyGenerator() {
    this(new SecureRandom());
  }

  SecureRandomKeyGenerator(SecureRandom random) {
    this.random = random;
  }

  @Override
  public SecretLookup newLookup() {
    char[] lookup = randomBase62(SecretLookup.LENGTH);
    return new SecretLookup(new String(lookup));
  }

  @Override
  public char[] newSecret() {
    return randomBase62(TokenFormat.SECRET_LENGTH);
  }

  private char[] randomBase62(int length) {
    char[] chars = new char[length];
    byte[] buffer = new byte[length + length / 4];
    int filled = 0;
    while (filled < length) {
      random.nextBytes(buffer);
      for (int i = 0; i < buffer.length && filled < length; i++) {
        int value = buffer[i] & 0xFF;
        if (value < LIMIT) {
          chars[filled++] = Base62.digit(value % Base62.RADIX);
        }
      }
    }
    Arrays.fill(buffer, (byte) 0);
    return chars;
  }
}
