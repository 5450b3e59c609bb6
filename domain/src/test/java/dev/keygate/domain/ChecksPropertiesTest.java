package dev.keygate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
}
