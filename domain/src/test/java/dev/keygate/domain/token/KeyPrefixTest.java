package dev.keygate.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPrefixTest {

  private static final String MESSAGE =
      "key prefix must be a lowercase letter followed by up to 15 of a-z 0-9 _";

  @Test
  void givenDefault_prefix_isKLive() {
    assertThat(KeyPrefix.DEFAULT.value()).isEqualTo("k_live");
    assertThat(KeyPrefix.DEFAULT).hasToString("k_live");
  }

  @ParameterizedTest
  @ValueSource(strings = {"k", "k_live", "k_test", "acme_2024", "a_", "z9", "abcdefghij_12345"})
  void givenLowercaseLetterThenAllowedCharacters_newPrefix_isAccepted(String value) {
    assertThat(new KeyPrefix(value).value()).isEqualTo(value);
    assertThat(KeyPrefix.isValid(value)).isTrue();
  }

  @ParameterizedTest
  @EmptySource
  @ValueSource(
      strings = {
        "K_live",
        "1abc",
        "_live",
        "k-live",
        "k live",
        "k.live",
        "kLive",
        "kö",
        "abcdefghij_123456",
        "k_live\n"
      })
  void givenBadPrefix_newPrefix_isRefused(String value) {
    assertThatThrownBy(() -> new KeyPrefix(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage(MESSAGE);
    assertThat(KeyPrefix.isValid(value)).isFalse();
  }

  @Test
  void givenMissingPrefix_newPrefix_isRefused() {
    assertThatThrownBy(() -> new KeyPrefix(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("key prefix is required");
  }

  @Test
  void givenLimit_maxLength_isSixteen() {
    assertThat(KeyPrefix.MAX_LENGTH).isEqualTo(16);
    assertThat(KeyPrefix.isValid("a".repeat(16))).isTrue();
    assertThat(KeyPrefix.isValid("a".repeat(17))).isFalse();
  }
}
