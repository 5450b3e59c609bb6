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

class ScopeTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00.456Z");
  private static final ApiId API_ID = new ApiId("api_0195485a3c00aaaaaaaaaaaaaaaaaaaa");
  private static final ScopeId ID = new ScopeId("api_scope_0195485a3c00000000000000000000a1");

  private static Scope scope(String key, String description) {
    return new Scope(ID, API_ID, key, description);
  }

  @Test
  void givenKeyAndDescription_define_makesAScopeOfThatApiWithATimeOrderedId() {
    Scope scope =
        Scope.define(API_ID, "read:users", "Read users", Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(scope.apiId()).isEqualTo(API_ID);
    assertThat(scope.key()).isEqualTo("read:users");
    assertThat(scope.description()).isEqualTo("Read users");
    assertThat(scope.id().value())
        .startsWith("api_scope_" + String.format("%012x", NOW.toEpochMilli()));
  }

  @Test
  void givenNoDescription_newScope_hasAnEmptyOne() {
    assertThat(scope("read:users", null).description()).isEmpty();
  }

  @Test
  void givenDescriptionWithSurroundingSpaces_newScope_storesItTrimmed() {
    assertThat(scope("read:users", "  Read users \n").description()).isEqualTo("Read users");
  }

  @Test
  void givenDescriptionOf256Characters_newScope_isAccepted() {
    assertThat(scope("read:users", "d".repeat(256)).description()).hasSize(256);
  }

  @Test
  void givenDescriptionOf256CharactersPlusSpaces_newScope_isAccepted() {
    assertThat(scope("read:users", " " + "d".repeat(256) + " ").description()).hasSize(256);
  }

  @Test
  void givenDescriptionOf257Characters_newScope_isRefused() {
    assertThatThrownBy(() -> scope("read:users", "d".repeat(257)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope description must be at most 256 characters, was 257");
  }

  @Test
  void givenDescriptionWithControlCharacter_newScope_isRefused() {
    assertThatThrownBy(() -> scope("read:users", "Read\u0000users"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope description must not contain control characters");
  }

  @Test
  void givenEmptyKey_newScope_isRefused() {
    assertThatThrownBy(() -> scope("", "x"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope key must be 1-64 characters, was 0");
  }

  @Test
  void givenKeyOf64Characters_newScope_isAccepted() {
    assertThat(scope("k".repeat(64), "").key()).hasSize(64);
  }

  @Test
  void givenKeyOf65Characters_newScope_isRefused() {
    assertThatThrownBy(() -> scope("k".repeat(65), "x"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope key must be 1-64 characters, was 65");
  }

  @ParameterizedTest
  @ValueSource(strings = {"read users", " read:users", "read:users\n", "read:\u0007users"})
  void givenKeyWithWhitespaceOrControl_newScope_isRefused(String key) {
    assertThatThrownBy(() -> scope(key, "x"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope key must not contain whitespace or control characters");
  }

  @Test
  void givenMissingKey_newScope_isRefused() {
    assertThatThrownBy(() -> scope(null, "x"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope key is required");
  }

  @Test
  void givenMissingId_newScope_isRefused() {
    assertThatThrownBy(() -> new Scope(null, API_ID, "read:users", ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope id is required");
  }

  @Test
  void givenMissingApiId_newScope_isRefused() {
    assertThatThrownBy(() -> new Scope(ID, null, "read:users", ""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope api id is required");
  }

  @Test
  void givenScope_describedAs_changesOnlyTheDescription() {
    Scope scope = scope("read:users", "Read users");

    Scope described = scope.describedAs(" Read every user ");

    assertThat(described).isEqualTo(new Scope(ID, API_ID, "read:users", "Read every user"));
    assertThat(scope.description()).isEqualTo("Read users");
  }

  @Test
  void givenTooLongDescription_describedAs_isRefused() {
    Scope scope = scope("read:users", "Read users");

    assertThatThrownBy(() -> scope.describedAs("d".repeat(300)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope description must be at most 256 characters, was 300");
  }
}
