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
  void givenBidirectionalControl_nameAndWordAndWellFormed_areRefusedNamingTheValue() {
    // U+202E turns "evil\u202Etxt.exe" into "evilexe.txt" on screen: text that reads as
    // something other than what it is.
    for (char bidi : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E'}) {
      assertBidiRefused("evil" + bidi + "txt.exe");
    }
    for (char bidi : new char[] {'\u2066', '\u2067', '\u2068', '\u2069'}) {
      assertBidiRefused("a" + bidi + "b");
    }
  }

  private static void assertBidiRefused(String value) {
    String refusal =
        " must not contain bidirectional control characters (U+202A-U+202E, U+2066-U+2069)";
    assertThatThrownBy(() -> Checks.name("label", value, 20))
        .isInstanceOf(ValidationException.class)
        .hasMessage("label" + refusal);
    assertThatThrownBy(() -> Checks.word("token", value, 20))
        .isInstanceOf(ValidationException.class)
        .hasMessage("token" + refusal);
    assertThatThrownBy(() -> Checks.wellFormed("scope description", value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope description" + refusal);
  }

  @Test
  void givenRightToLeftLettersOrTheCharactersBesideTheRefusedRanges_nameAndWord_acceptThem() {
    for (String text :
        new String[] {
          "\u05E9\u05DC\u05D5\u05DD", "\u0633\u0644\u0627\u0645", "a\u2030b", "a\u2065b", "a\u206Ab"
        }) {
      assertThat(Checks.name("label", text, 20)).isEqualTo(text);
      assertThat(Checks.word("token", text, 20)).isEqualTo(text);
    }
  }

  @Test
  void givenLengthBelowMinimum_lengthBetween_namesTheLimitsAndTheLength() {
    assertThatThrownBy(() -> Checks.lengthBetween("email", "ab", 3, 254))
        .isInstanceOf(ValidationException.class)
        .hasMessage("email must be 3-254 characters, was 2");
  }
}
