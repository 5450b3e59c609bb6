package dev.keygate.domain.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import org.junit.jupiter.api.Test;

class OwnerTest {

  @Test
  void givenOrganizationType_of_makesAnOrgOwner() {
    Owner owner = Owner.of(OwnerType.ORGANIZATION, "org_acme");

    assertThat(owner).isEqualTo(new Owner.Org(new OrgCode("org_acme")));
    assertThat(owner.type()).isEqualTo(OwnerType.ORGANIZATION);
    assertThat(owner.id()).isEqualTo("org_acme");
  }

  @Test
  void givenUserType_of_makesAUserOwner() {
    Owner owner = Owner.of(OwnerType.USER, "kp_alice");

    assertThat(owner).isEqualTo(new Owner.User(new UserId("kp_alice")));
    assertThat(owner.type()).isEqualTo(OwnerType.USER);
    assertThat(owner.id()).isEqualTo("kp_alice");
  }

  @Test
  void givenSameIdOfBothKinds_owners_areNotEqual() {
    assertThat(Owner.of(OwnerType.ORGANIZATION, "acme"))
        .isNotEqualTo(Owner.of(OwnerType.USER, "acme"));
  }

  @Test
  void givenMalformedOrgCode_of_isRefusedNamingTheOrganizationCode() {
    assertThatThrownBy(() -> Owner.of(OwnerType.ORGANIZATION, "acme corp"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization code may only contain A-Z a-z 0-9 _ . : -");
  }

  @Test
  void givenMalformedUserId_of_isRefusedNamingTheUserId() {
    assertThatThrownBy(() -> Owner.of(OwnerType.USER, ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user id must be 1-64 characters, was 0");
  }

  @Test
  void givenMissingCode_orgOwner_isRefused() {
    assertThatThrownBy(() -> new Owner.Org(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("organization code is required");
  }

  @Test
  void givenMissingUserId_userOwner_isRefused() {
    assertThatThrownBy(() -> new Owner.User(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user id is required");
  }

  @Test
  void givenEnvironmentType_of_makesTheOneEnvironmentOwner() {
    Owner owner = Owner.of(OwnerType.ENVIRONMENT, "environment");

    assertThat(owner).isEqualTo(new Owner.Environment());
    assertThat(owner.type()).isEqualTo(OwnerType.ENVIRONMENT);
    assertThat(owner.id()).isEqualTo("environment");
  }

  @Test
  void givenEnvironmentTypeWithAnotherId_of_isRefusedNamingTheOnlyId() {
    assertThatThrownBy(() -> Owner.of(OwnerType.ENVIRONMENT, "org_acme"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("environment owner id must be environment");
    assertThatThrownBy(() -> Owner.of(OwnerType.ENVIRONMENT, null))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void givenAnOrganizationOrUserNamedEnvironment_theyAreNotTheEnvironment() {
    Owner environment = new Owner.Environment();

    assertThat(Owner.of(OwnerType.ORGANIZATION, "environment")).isNotEqualTo(environment);
    assertThat(Owner.of(OwnerType.USER, "environment")).isNotEqualTo(environment);
    assertThat(environment).isNotEqualTo(Owner.of(OwnerType.ORGANIZATION, "environment"));
  }

  @Test
  void everyOwnerType_readsBackThroughOf() {
    for (Owner owner :
        new Owner[] {
          new Owner.Org(new OrgCode("org_acme")),
          new Owner.User(new UserId("kp_alice")),
          new Owner.Environment()
        }) {
      assertThat(Owner.of(owner.type(), owner.id())).isEqualTo(owner);
    }
    assertThat(OwnerType.values())
        .containsExactly(OwnerType.ORGANIZATION, OwnerType.USER, OwnerType.ENVIRONMENT);
  }
}
