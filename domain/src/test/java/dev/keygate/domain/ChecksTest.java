package dev.keygate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void givenValue_required_returnsIt() {
    Object value = new Object();

    assertThat(Checks.required("thing", value)).isSameAs(value);
  }

  @Test
  void givenNull_required_isRefusedNamingTheValue() {
    assertThatThrownBy(() -> Checks.required("widget colour", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("widget colour is required");
  }

  @Test
  void givenPaddedName_name_returnsItTrimmed() {
    assertThat(Checks.name("label", "\u2003 Label \t", 10)).isEqualTo("Label");
  }

  @Test
  void givenNameOverMax_name_namesTheLimitsAndTheLength() {
    assertThatThrownBy(() -> Checks.name("label", "abcdef", 5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("label must be 1-5 characters, was 6");
  }

  @Test
  void givenWordWithInnerSpace_word_isRefused() {
    assertThatThrownBy(() -> Checks.word("token", "a b", 5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("token must not contain whitespace or control characters");
  }

  @Test
  void givenWordWithinLimits_word_returnsItUnchanged() {
    assertThat(Checks.word("token", "a:b", 3)).isEqualTo("a:b");
  }

  @Test
  void givenLoneSurrogate_nameAndWord_areRefusedNamingTheValue() {
    for (String lone : new String[] {"\uD800", "a\uDC00b", "ab\uD83D", "\uDE00\uD83D"}) {
      assertThatThrownBy(() -> Checks.name("label", lone, 10))
          .isInstanceOf(ValidationException.class)
          .hasMessage("label must be valid Unicode text (a lone surrogate is not)");
      assertThatThrownBy(() -> Checks.word("token", lone, 10))
          .isInstanceOf(ValidationException.class)
          .hasMessage("token must be valid Unicode text (a lone surrogate is not)");
    }
  }

  @Test
  void givenSurrogatePair_nameAndWord_acceptIt() {
    String grinning = "smile\uD83D\uDE00";

    assertThat(Checks.name("label", grinning, 10)).isEqualTo(grinning);
    assertThat(Checks.word("token", grinning, 10)).isEqualTo(grinning);
  }

  @Test
  void givenLengthBelowMinimum_lengthBetween_namesTheLimitsAndTheLength() {
    assertThatThrownBy(() -> Checks.lengthBetween("email", "ab", 3, 254))
        .isInstanceOf(ValidationException.class)
        .hasMessage("email must be 3-254 characters, was 2");
  }
}
