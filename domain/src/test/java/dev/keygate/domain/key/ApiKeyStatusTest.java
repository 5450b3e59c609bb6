package dev.keygate.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyStatusTest {

  @Test
  void givenEachStatus_wireName_isItsLowerCaseName() {
    assertThat(ApiKeyStatus.ACTIVE.wireName()).isEqualTo("active");
    assertThat(ApiKeyStatus.INACTIVE.wireName()).isEqualTo("inactive");
    assertThat(ApiKeyStatus.REVOKED.wireName()).isEqualTo("revoked");
  }

  @Test
  void givenStatuses_values_areExactlyActiveInactiveRevoked() {
    assertThat(ApiKeyStatus.values())
        .containsExactly(ApiKeyStatus.ACTIVE, ApiKeyStatus.INACTIVE, ApiKeyStatus.REVOKED);
  }

  @ParameterizedTest
  @EnumSource(ApiKeyStatus.class)
  void givenWireName_fromWireName_readsTheStatusBack(ApiKeyStatus status) {
    assertThat(ApiKeyStatus.fromWireName(status.wireName())).isEqualTo(status);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ACTIVE", "Active", "expired", " active", "active ", "disabled"})
  void givenUnknownWireName_fromWireName_isRefused(String value) {
    assertThatThrownBy(() -> ApiKeyStatus.fromWireName(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("status must be one of active, inactive, revoked");
  }
}
