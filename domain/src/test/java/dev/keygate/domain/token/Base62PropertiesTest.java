package dev.keygate.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class Base62PropertiesTest {

  @Property
  void givenValueThatFits_encodeThenValueOf_givesTheValueBack(
      @ForAll @LongRange(min = 0, max = 56_800_235_583L) long value) {
    String digits = Base62.encode(value, 6);

    long decoded = 0;
    for (char c : digits.toCharArray()) {
      decoded = decoded * 62 + Base62.valueOf(c);
    }
    assertThat(digits).hasSize(6);
    assertThat(decoded).isEqualTo(value);
  }

  @Property
  void givenAnyValueAndWidth_encode_matchesTheOracleWrittenFromTheAlphabet(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value,
      @ForAll @IntRange(min = 11, max = 14) int width) {
    StringBuilder expected = new StringBuilder();
    long rest = value;
    for (int i = 0; i < width; i++) {
      expected.insert(0, Tokens.BASE62.charAt((int) (rest % 62)));
      rest /= 62;
    }

    assertThat(Base62.encode(value, width)).isEqualTo(expected.toString());
  }

  @Property
  void givenTwoValues_encode_keepsTheirOrderAsText(
      @ForAll @LongRange(min = 0, max = 56_800_235_583L) long a,
      @ForAll @LongRange(min = 0, max = 56_800_235_583L) long b) {
    int textOrder = Integer.signum(Base62.encode(a, 6).compareTo(Base62.encode(b, 6)));

    assertThat(textOrder).isEqualTo(Long.signum(a - b));
  }
}
