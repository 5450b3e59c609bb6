package dev.keygate.domain.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerTypeTest {

  @Test
  void givenEachType_wireName_isOrganizationOrUser() {
    assertThat(OwnerType.ORGANIZATION.wireName()).isEqualTo("organization");
    assertThat(OwnerType.USER.wireName()).isEqualTo("user");
  }

  @Test
  void givenWireNames_fromWireName_readsEachTypeBack() {
    assertThat(OwnerType.fromWireName("organization")).isEqualTo(OwnerType.ORGANIZATION);
    assertThat(OwnerType.fromWireName("user")).isEqualTo(OwnerType.USER);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ORGANIZATION", "Organization", "org", "users", "User", " user"})
  void givenUnknownWireName_fromWireName_isRefused(String value) {
    assertThatThrownBy(() -> OwnerType.fromWireName(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("key type must be organization or user");
  }
}
