package dev.keygate.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaintextKeyTest {

  private static final String SECRET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg";
  private static final String TOKEN = Tokens.token("k_live", "AbC123dEf456", SECRET);

  private static PlaintextKey key() {
    return TokenFormat.compose(
        KeyPrefix.DEFAULT, new SecretLookup("AbC123dEf456"), SECRET.toCharArray());
  }

  @Test
  void givenKey_toString_isThreeStars() {
    assertThat(key()).hasToString("***");
  }

  @Test
  void givenKey_stringConcatenation_neverShowsTheToken() {
    String logLine = "issued " + key();

    assertThat(logLine).isEqualTo("issued ***").doesNotContain(SECRET);
  }

  @Test
  void givenKey_reveal_isTheWholeToken() {
    assertThat(key().reveal()).isEqualTo(TOKEN);
  }

  @Test
  void givenKey_suffix_isTheLastFourCharacters() {
    assertThat(key().suffix()).isEqualTo(TOKEN.substring(TOKEN.length() - 4)).hasSize(4);
  }

  @Test
  void givenWipedKey_reveal_answersBlanksOnly() {
    PlaintextKey key = key();

    key.wipe();

    assertThat(key.reveal()).hasSize(TOKEN.length()).matches("\u0000+");
    assertThat(key.suffix()).isEqualTo("\0\0\0\0");
  }
}
