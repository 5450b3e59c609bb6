package dev.keygate.domain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeIdTest {

  private static final String HEX = "0195485a3c00000000000000000000a1";

  @Test
  void givenWellFormedValue_newId_keepsItAndPrintsIt() {
    ScopeId id = new ScopeId("api_scope_" + HEX);

    assertThat(id.value()).isEqualTo("api_scope_" + HEX);
    assertThat(id).hasToString("api_scope_" + HEX);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "read:users",
        "api_scope_",
        "api_scope_0195485a3c00000000000000000000a",
        "api_scope_0195485a3c00000000000000000000a12",
        "api_scope_0195485a3c00000000000000000000A1",
        "api_0195485a3c00000000000000000000a1",
        "api_scope_0195485a3c00000000000000000000_1"
      })
  void givenMalformedValue_newId_isRefused(String value) {
    assertThatThrownBy(() -> new ScopeId(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("scope id must be 'api_scope_' followed by 32 lowercase hex digits");
  }

  @Test
  void givenScopeKey_isWellFormed_tellsItFromAScopeId() {
    assertThat(ScopeId.isWellFormed("read:users")).isFalse();
    assertThat(ScopeId.isWellFormed("api_scope_" + HEX)).isTrue();
  }

  @Test
  void givenClock_generate_startsWithTheMillisecondTimestampInHex() {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(0x000000000001L), ZoneOffset.UTC);

    assertThat(ScopeId.generate(clock).value())
        .matches("api_scope_[0-9a-f]{32}")
        .startsWith("api_scope_000000000001");
  }
}
