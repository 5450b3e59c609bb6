package dev.keygate.domain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00.123Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ApiId ID = new ApiId("api_0195485a3c00aaaaaaaaaaaaaaaaaaaa");

  private static Api api(String name, String audience) {
    return new Api(ID, name, audience, NOW);
  }

  @Test
  void givenNameAndAudience_register_makesAnApiWithATimeOrderedIdAtNow() {
    Api api = Api.register("  Users API ", "https://users.example.com", CLOCK);

    assertThat(api.name()).isEqualTo("Users API");
    assertThat(api.audience()).isEqualTo("https://users.example.com");
    assertThat(api.createdOn()).isEqualTo(NOW);
    assertThat(api.id().value()).startsWith("api_" + String.format("%012x", NOW.toEpochMilli()));
  }

  @Test
  void givenManagementAudience_isManagement_isTrue() {
    assertThat(Api.MANAGEMENT_AUDIENCE).isEqualTo("keygate-management");
    assertThat(api("Keygate", "keygate-management").isManagement()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"keygate-management2", "Keygate-Management", "https://users.example.com"})
  void givenOtherAudience_isManagement_isFalse(String audience) {
    assertThat(api("Users", audience).isManagement()).isFalse();
  }

  @Test
  void givenEmptyName_newApi_isRefused() {
    assertThatThrownBy(() -> api(" ", "users"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api name must be 1-64 characters, was 0");
  }

  @Test
  void givenNameOf64Characters_newApi_isAccepted() {
    assertThat(api("a".repeat(64), "users").name()).hasSize(64);
  }

  @Test
  void givenNameOf65Characters_newApi_isRefused() {
    assertThatThrownBy(() -> api("a".repeat(65), "users"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api name must be 1-64 characters, was 65");
  }

  @Test
  void givenNameWithControlCharacter_newApi_isRefused() {
    assertThatThrownBy(() -> api("Users\u0000API", "users"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api name must not contain control characters");
  }

  @Test
  void givenMissingName_newApi_isRefused() {
    assertThatThrownBy(() -> api(null, "users"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api name is required");
  }

  @Test
  void givenEmptyAudience_newApi_isRefused() {
    assertThatThrownBy(() -> api("Users", ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api audience must be 1-64 characters, was 0");
  }

  @Test
  void givenAudienceOf64Characters_newApi_isAccepted() {
    assertThat(api("Users", "u".repeat(64)).audience()).hasSize(64);
  }

  @Test
  void givenAudienceOf65Characters_newApi_isRefused() {
    assertThatThrownBy(() -> api("Users", "u".repeat(65)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api audience must be 1-64 characters, was 65");
  }

  @ParameterizedTest
  @ValueSource(strings = {"users api", " users", "users\t", "users\u0001", "a\u2003b"})
  void givenAudienceWithWhitespaceOrControl_newApi_isRefused(String audience) {
    assertThatThrownBy(() -> api("Users", audience))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api audience must not contain whitespace or control characters");
  }

  @Test
  void givenMissingAudience_newApi_isRefused() {
    assertThatThrownBy(() -> api("Users", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api audience is required");
  }

  @Test
  void givenMissingId_newApi_isRefused() {
    assertThatThrownBy(() -> new Api(null, "Users", "users", NOW))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api id is required");
  }

  @Test
  void givenMissingCreationTime_newApi_isRefused() {
    assertThatThrownBy(() -> new Api(ID, "Users", "users", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api creation time is required");
  }
}
