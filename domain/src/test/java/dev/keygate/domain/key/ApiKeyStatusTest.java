package dev.keygate.domain.key;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyStatusTest {

  @Test
  void givenStatuses_values_areExactlyActiveInactiveRevoked() {
    assertThat(ApiKeyStatus.values())
        .containsExactly(ApiKeyStatus.ACTIVE, ApiKeyStatus.INACTIVE, ApiKeyStatus.REVOKED);
  }
}
