package dev.keygate.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base62Test {

  @Test
  void givenAlphabet_itIsDigitsThenUpperThenLowerCase() {
    assertThat(Base62.ALPHABET)
        .isEqualTo("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    assertThat(Base62.RADIX).isEqualTo(62);
  }

  @Test
  void givenEveryValue_digitAndValueOf_areInverse() {
    for (int value = 0; value < 62; value++) {
      char digit = Base62.digit(value);
      assertThat(digit).isEqualTo(Tokens.BASE62.charAt(value));
      assertThat(Base62.valueOf(digit)).isEqualTo(value);
    }
  }

  @Test
  void givenLandmarkDigits_valueOf_placesThemInOrder() {
    assertThat(Base62.valueOf('0')).isZero();
    assertThat(Base62.valueOf('9')).isEqualTo(9);
    assertThat(Base62.valueOf('A')).isEqualTo(10);
    assertThat(Base62.valueOf('Z')).isEqualTo(35);
    assertThat(Base62.valueOf('a')).isEqualTo(36);
    assertThat(Base62.valueOf('z')).isEqualTo(61);
  }

  @Test
  void givenEveryNonDigitCharacter_valueOf_isMinusOne() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (Tokens.BASE62.indexOf(c) < 0) {
        assertThat(Base62.valueOf(c)).as("valueOf(U+%04X)", (int) c).isEqualTo(-1);
      }
    }
    assertThat(Base62.valueOf(Character.MAX_VALUE)).isEqualTo(-1);
  }

  @Test
  void givenText_isBase62_acceptsOnlyDigitsOfTheAlphabet() {
    assertThat(Base62.isBase62(Tokens.BASE62)).isTrue();
    assertThat(Base62.isBase62("")).isTrue();
    assertThat(Base62.isBase62("abc_def")).isFalse();
    assertThat(Base62.isBase62("abc-def")).isFalse();
    assertThat(Base62.isBase62("abc def")).isFalse();
    assertThat(Base62.isBase62("abcdéf")).isFalse();
  }

  @Test
  void givenValues_encode_writesFixedWidthMostSignificantFirst() {
    assertThat(Base62.encode(0, 6)).isEqualTo("000000");
    assertThat(Base62.encode(61, 1)).isEqualTo("z");
    assertThat(Base62.encode(62, 2)).isEqualTo("10");
    assertThat(Base62.encode(62, 6)).isEqualTo("000010");
    assertThat(Base62.encode(3843, 2)).isEqualTo("zz");
    assertThat(Base62.encode(0xFFFFFFFFL, 6)).isEqualTo("4gfFC3");
    assertThat(Base62.encode(56_800_235_583L, 6)).isEqualTo("zzzzzz");
  }

  @Test
  void givenValueTooLargeForWidth_encode_isRefused() {
    assertThatThrownBy(() -> Base62.encode(56_800_235_584L, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value does not fit in 6 base62 digits");
    assertThatThrownBy(() -> Base62.encode(62, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value does not fit in 1 base62 digits");
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, Long.MIN_VALUE})
  void givenNegativeValue_encode_isRefused(long value) {
    assertThatThrownBy(() -> Base62.encode(value, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base62 encodes non-negative numbers only");
  }
}
