package dev.keygate.domain.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrganizationTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final OrgCode CODE = new OrgCode("org_acme");

  @Test
  void givenNameWithSpaces_newOrganization_storesItTrimmed() {
    Organization org = new Organization(CODE, "  Acme Corp ", NOW);

    assertThat(org.name()).isEqualTo("Acme Corp");
    assertThat(org.code()).isEqualTo(CODE);
    assertThat(org.createdOn()).isEqualTo(NOW);
  }

  @Test
  void givenOrganization_asOwner_isTheOrgOwnerWithItsCode() {
    Owner owner = new Organization(CODE, "Acme", NOW).asOwner();

    assertThat(owner).isEqualTo(new Owner.Org(CODE));
    assertThat(owner.type()).isEqualTo(OwnerType.ORGANIZATION);
    assertThat(owner.id()).isEqualTo("org_acme");
  }

  @Test
  void givenEmptyName_newOrganization_isRefused() {
    assertThatThrownBy(() -> new Organization(CODE, "", NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization name must be 1-128 characters, was 0");
  }

  @Test
  void givenNameOf128Characters_newOrganization_isAccepted() {
    assertThat(new Organization(CODE, "o".repeat(128), NOW).name()).hasSize(128);
  }

  @Test
  void givenNameOf129Characters_newOrganization_isRefused() {
    assertThatThrownBy(() -> new Organization(CODE, "o".repeat(129), NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization name must be 1-128 characters, was 129");
  }

  @Test
  void givenNameWithControlCharacter_newOrganization_isRefused() {
    assertThatThrownBy(() -> new Organization(CODE, "Acme\rCorp", NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization name must not contain control characters");
  }

  @Test
  void givenMissingName_newOrganization_isRefused() {
    assertThatThrownBy(() -> new Organization(CODE, null, NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization name is required");
  }

  @Test
  void givenMissingCode_newOrganization_isRefused() {
    assertThatThrownBy(() -> new Organization(null, "Acme", NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization code is required");
  }

  @Test
  void givenMissingCreationTime_newOrganization_isRefused() {
    assertThatThrownBy(() -> new Organization(CODE, "Acme", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization creation time is required");
  }
}
