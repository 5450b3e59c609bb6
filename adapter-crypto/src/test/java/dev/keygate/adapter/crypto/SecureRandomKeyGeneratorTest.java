package dev.keygate.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.domain.token.Base62;
import dev.keygate.domain.token.KeyPrefix;
import dev.keygate.domain.token.ParsedToken;
import dev.keygate.domain.token.PlaintextKey;
import dev.keygate.domain.token.SecretLookup;
import dev.keygate.domain.token.TokenFormat;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SecureRandomKeyGeneratorTest {

  private static final Set<String> SEEN_LOOKUPS = ConcurrentHashMap.newKeySet();

  private final SecureRandomKeyGenerator generator = new SecureRandomKeyGenerator();

  @Property(tries = 10_000)
  void generatedTokens_parseBackAndTheirLookupsAreDistinct() {
    SecretLookup lookup = generator.newLookup();
    char[] secret = generator.newSecret();
    PlaintextKey token = TokenFormat.compose(KeyPrefix.DEFAULT, lookup, secret);

    ParsedToken parsed = TokenFormat.parse(token.reveal()).orElseThrow();

    assertThat(parsed.lookup()).isEqualTo(lookup);
    assertThat(parsed.secret()).isEqualTo(secret);
    assertThat(SEEN_LOOKUPS.add(lookup.value())).as("lookup %s seen before", lookup).isTrue();
  }

  @Test
  void secrets_are43Base62Characters() {
    char[] secret = generator.newSecret();

    assertThat(secret).hasSize(TokenFormat.SECRET_LENGTH);
    assertThat(Base62.isBase62(new String(secret))).isTrue();
  }

  @Test
  void bytesThatWouldBiasTheAlphabet_areDrawnAgain() {
    // 248..255 would favour the first eight digits if taken modulo 62; they must be skipped.
    SecureRandom scripted =
        new SecureRandom() {
          private static final long serialVersionUID = 1L;
          private int next;

          @Override
          public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
              int value = next++ % 2 == 0 ? 248 + (next % 8) : 61;
              bytes[i] = (byte) value;
            }
          }
        };

    char[] secret = new SecureRandomKeyGenerator(scripted).newSecret();

    assertThat(new String(secret)).isEqualTo("z".repeat(TokenFormat.SECRET_LENGTH));
  }

  @Test
  void everyDigit_canBeDrawn() {
    Set<Character> drawn = new java.util.HashSet<>();
    for (int i = 0; i < 200 && drawn.size() < Base62.RADIX; i++) {
      for (char c : generator.newSecret()) {
        drawn.add(c);
      }
    }
    assertThat(drawn).hasSize(Base62.RADIX);
  }
}
