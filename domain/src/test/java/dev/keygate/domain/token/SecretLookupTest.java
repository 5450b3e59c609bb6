package dev.keygate.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretLookupTest {

  @ParameterizedTest
  @ValueSource(strings = {"AbC123dEf456", "000000000000", "zzzzzzzzzzzz", "0aZ9bY8cX7dW"})
  void givenTwelveBase62Characters_newLookup_keepsAndPrintsThem(String value) {
    SecretLookup lookup = new SecretLookup(value);

    assertThat(lookup.value()).isEqualTo(value);
    assertThat(lookup).hasToString(value);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "AbC123dEf45",
        "AbC123dEf4567",
        "AbC123dEf45_",
        "AbC123dEf45-",
        "AbC123 Ef456",
        "AbC123dEf45é"
      })
  void givenAnythingElse_newLookup_isRefused(String value) {
    assertThatThrownBy(() -> new SecretLookup(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("secret lookup must be 12 base62 characters");
  }

  @Test
  void givenLengths_constants_matchTheDesign() {
    assertThat(SecretLookup.LENGTH).isEqualTo(12);
    assertThat(SecretLookup.DISPLAYED_LENGTH).isEqualTo(6);
  }
}
