package dev.keygate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Whitespace;

class ChecksPropertiesTest {

  @Property
  void givenNameOfLettersInsideWhitespace_name_returnsTheLettersAlone(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 128) String core,
      @ForAll @Whitespace @StringLength(max = 10) String before,
      @ForAll @Whitespace @StringLength(max = 10) String after) {
    assertThat(Checks.name("name", before + core + after, 128)).isEqualTo(core);
  }

  @Property
  void givenAnyLengthOutsideTheRange_lengthBetween_namesTheLength(
      @ForAll @IntRange(min = 0, max = 300) int length) {
    String value = "x".repeat(length);
    if (length >= 3 && length <= 254) {
      Checks.lengthBetween("email", value, 3, 254);
    } else {
      assertThatThrownBy(() -> Checks.lengthBetween("email", value, 3, 254))
          .isInstanceOf(ValidationException.class)
          .hasMessage("email must be 3-254 characters, was " + length);
    }
  }

  @Property
  void givenABidirectionalControlAnywhere_nameAndWord_refuseItNamingTheValue(
      @ForAll @AlphaChars @NumericChars @StringLength(max = 60) String before,
      @ForAll("bidirectionalControls") char control,
      @ForAll @AlphaChars @NumericChars @StringLength(max = 60) String after) {
    String value = before + control + after;

    assertThatThrownBy(() -> Checks.name("organization name", value, 128))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("organization name must not contain bidirectional control");
    assertThatThrownBy(() -> Checks.word("api audience", value, 128))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("api audience must not contain bidirectional control");
  }

  @Provide
  Arbitrary<Character> bidirectionalControls() {
    return Arbitraries.of(
        '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');
  }
}
