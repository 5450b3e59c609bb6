package dev.keygate.domain.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "org_acme", "Acme-Corp.eu:prod_1", "0", "org_0123456789ab"})
  void givenAllowedCharacters_newCode_keepsTheValue(String value) {
    OrgCode code = new OrgCode(value);

    assertThat(code.value()).isEqualTo(value);
    assertThat(code).hasToString(value);
  }

  @Test
  void givenCodeOf64Characters_newCode_isAccepted() {
    assertThat(new OrgCode("c".repeat(64)).value()).hasSize(64);
  }

  @Test
  void givenCodeOf65Characters_newCode_isRefused() {
    assertThatThrownBy(() -> new OrgCode("c".repeat(65)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization code must be 1-64 characters, was 65");
  }

  @Test
  void givenEmptyCode_newCode_isRefused() {
    assertThatThrownBy(() -> new OrgCode(""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization code must be 1-64 characters, was 0");
  }

  @Test
  void givenMissingCode_newCode_isRefused() {
    assertThatThrownBy(() -> new OrgCode(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization code is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"acme corp", " acme", "acme/eu", "acmé", "a@b", "org#1", "a\u0000", "a,b"})
  void givenDisallowedCharacter_newCode_isRefused(String value) {
    assertThatThrownBy(() -> new OrgCode(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization code may only contain A-Z a-z 0-9 _ . : -");
  }

  @Test
  void givenNothing_generate_makesOrgAndTwelveLowercaseHexDigits() {
    assertThat(OrgCode.generate().value()).matches("org_[0-9a-f]{12}");
  }

  @Test
  void givenManyCalls_generate_makesDistinctCodes() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      codes.add(OrgCode.generate().value());
    }

    assertThat(codes).hasSize(1000);
  }
}
