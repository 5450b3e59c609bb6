package dev.keygate.domain.owner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"kp_alice", "u", "auth0:5f1e-99.x_Y", "kp_0195485a3c000123456789abcdef0123"})
  void givenAllowedCharacters_newId_keepsTheValue(String value) {
    UserId id = new UserId(value);

    assertThat(id.value()).isEqualTo(value);
    assertThat(id).hasToString(value);
  }

  @Test
  void givenIdOf64Characters_newId_isAccepted() {
    assertThat(new UserId("u".repeat(64)).value()).hasSize(64);
  }

  @Test
  void givenIdOf65Characters_newId_isRefused() {
    assertThatThrownBy(() -> new UserId("u".repeat(65)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user id must be 1-64 characters, was 65");
  }

  @Test
  void givenEmptyId_newId_isRefused() {
    assertThatThrownBy(() -> new UserId(""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user id must be 1-64 characters, was 0");
  }

  @Test
  void givenMissingId_newId_isRefused() {
    assertThatThrownBy(() -> new UserId(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user id is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"alice smith", "alice@example.com", "ünïcode", "a/b", "tab\t", "a+b"})
  void givenDisallowedCharacter_newId_isRefused(String value) {
    assertThatThrownBy(() -> new UserId(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("user id may only contain A-Z a-z 0-9 _ . : -");
  }

  @Test
  void givenClock_generate_makesKpAndTimeOrderedHex() {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(0x0195485a3c77L), ZoneOffset.UTC);

    assertThat(UserId.generate(clock).value())
        .matches("kp_[0-9a-f]{32}")
        .startsWith("kp_0195485a3c77");
  }
}
