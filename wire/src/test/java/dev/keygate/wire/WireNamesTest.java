package dev.keygate.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import dev.keygate.domain.audit.AuditAction;
import dev.keygate.domain.audit.AuditOutcome;
import dev.keygate.domain.key.ApiKeyStatus;
import dev.keygate.domain.owner.OwnerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WireNamesTest {

  @Test
  void givenEachStatus_of_isItsLowerCaseName() {
    assertThat(WireNames.of(ApiKeyStatus.ACTIVE)).isEqualTo("active");
    assertThat(WireNames.of(ApiKeyStatus.INACTIVE)).isEqualTo("inactive");
    assertThat(WireNames.of(ApiKeyStatus.REVOKED)).isEqualTo("revoked");
  }

  @Test
  void statuses_areTheWordsOfEveryStatusInOrder() {
    assertThat(WireNames.statuses()).containsExactly("active", "inactive", "revoked");
  }

  @ParameterizedTest
  @EnumSource(ApiKeyStatus.class)
  void givenWireName_status_readsTheStatusBack(ApiKeyStatus status) {
    assertThat(WireNames.status("status", WireNames.of(status))).isEqualTo(status);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"ACTIVE", "Active", "expired", " active", "active ", "disabled"})
  void givenUnknownWord_status_isRefusedNamingTheField(String value) {
    assertThatThrownBy(() -> WireNames.status("status", value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("status must be one of active, inactive, revoked");
    assertThatThrownBy(() -> WireNames.status("--status", value))
        .hasMessage("--status must be one of active, inactive, revoked");
  }

  @Test
  void givenEachOwnerType_of_isOrganizationUserOrEnvironment() {
    assertThat(WireNames.of(OwnerType.ORGANIZATION)).isEqualTo("organization");
    assertThat(WireNames.of(OwnerType.USER)).isEqualTo("user");
    assertThat(WireNames.of(OwnerType.ENVIRONMENT)).isEqualTo("environment");
  }

  @Test
  void givenWireNames_ownerType_readsEachTypeBack() {
    assertThat(WireNames.ownerType("type", "organization")).isEqualTo(OwnerType.ORGANIZATION);
    assertThat(WireNames.ownerType("type", "user")).isEqualTo(OwnerType.USER);
    assertThat(WireNames.ownerType("type", "environment")).isEqualTo(OwnerType.ENVIRONMENT);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"ORGANIZATION", "Organization", "org", "users", "User", " user", "Environment"})
  void givenUnknownWord_ownerType_isRefusedNamingTheField(String value) {
    assertThatThrownBy(() -> WireNames.ownerType("key_type", value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("key_type must be one of organization, user, environment");
  }

  @Test
  void givenAuditActionAndOutcome_of_isTheSnakeCaseWord() {
    assertThat(WireNames.of(AuditAction.API_KEY_CREATE)).isEqualTo("api_key_create");
    assertThat(WireNames.of(AuditOutcome.REFUSED)).isEqualTo("refused");
  }
}
