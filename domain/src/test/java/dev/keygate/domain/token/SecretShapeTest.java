package dev.keygate.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretShapeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "read:users",
        "org_acme",
        "api_key_0195485a3c000123456789abcdef0123",
        "Production Integration",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "AbCdEfGhIjKlMnOpQrStUvW"
      })
  void wordsIdsAndShortOrSingleCaseRuns_mayBeRepeated(String input) {
    assertThat(SecretShape.mayHoldSecret(input)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "AbCdEfGhIjKlMnOpQrStUvWx",
        "k_live_AbC123dEf456GhI789jKl012MnO345pQr678StU901vWx234yZa567",
        "name AbCdEfGhIjKlMnOpQrStUvWx0 more"
      })
  void aLongMixedCaseRun_mayHoldASecret(String input) {
    assertThat(SecretShape.mayHoldSecret(input)).isTrue();
  }

  @Test
  void anythingOverSixtyFourCharacters_mayHoldASecret() {
    assertThat(SecretShape.mayHoldSecret("a".repeat(64))).isFalse();
    assertThat(SecretShape.mayHoldSecret("a".repeat(65))).isTrue();
  }
}
