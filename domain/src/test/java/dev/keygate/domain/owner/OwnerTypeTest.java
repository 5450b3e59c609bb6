package dev.keygate.domain.owner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnerTypeTest {

  @Test
  void givenEachType_wireName_isOrganizationOrUser() {
    assertThat(OwnerType.ORGANIZATION.wireName()).isEqualTo("organization");
    assertThat(OwnerType.USER.wireName()).isEqualTo("user");
  }
}
