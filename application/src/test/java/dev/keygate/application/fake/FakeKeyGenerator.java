package dev.keygate.application.fake;

import dev.keygate.domain.token.Base62;
import dev.keygate.domain.token.KeyGenerator;
import dev.keygate.domain.token.SecretLookup;
import dev.keygate.domain.token.TokenFormat;
import java.util.Random;

/** A seeded, repeatable {@link KeyGenerator} for tests. Test code only. */
public final class FakeKeyGenerator implements KeyGenerator {

  private final Random random;

  public FakeKeyGenerator(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public synchronized SecretLookup newLookup() {
    return new SecretLookup(new String(chars(SecretLookup.LENGTH)));
  }

  @Override
  public synchronized char[] newSecret() {
    return chars(TokenFormat.SECRET_LENGTH);
  }

  private char[] chars(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = Base62.digit(random.nextInt(Base62.RADIX));
    }
    return chars;
  }
}
