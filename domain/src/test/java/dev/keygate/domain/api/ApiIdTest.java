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

class ApiIdTest {

  private static final String HEX = "0195485a3c00aaaaaaaaaaaaaaaaaaaa";

  @Test
  void givenWellFormedValue_newId_keepsItAndPrintsIt() {
    ApiId id = new ApiId("api_" + HEX);

    assertThat(id.value()).isEqualTo("api_" + HEX);
    assertThat(id).hasToString("api_" + HEX);
    assertThat(ApiId.isWellFormed("api_" + HEX)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "api_",
        "api_0195485a3c00aaaaaaaaaaaaaaaaaaa",
        "api_0195485a3c00aaaaaaaaaaaaaaaaaaaaa",
        "api_0195485A3C00AAAAAAAAAAAAAAAAAAAA",
        "api_0195485a3c00aaaaaaaaaaaaaaaaaaaz",
        "api_key_0195485a3c00aaaaaaaaaaaaaaaaaaaa",
        "api_scope_0195485a3c00aaaaaaaaaaaaaaaaaaaa",
        "apx_0195485a3c00aaaaaaaaaaaaaaaaaaaa"
      })
  void givenMalformedValue_newId_isRefused(String value) {
    assertThatThrownBy(() -> new ApiId(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api id must be 'api_' followed by 32 lowercase hex digits");
    assertThat(ApiId.isWellFormed(value)).isFalse();
  }

  @Test
  void givenClock_generate_startsWithTheMillisecondTimestampInHex() {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(0xfedcba987654L), ZoneOffset.UTC);

    assertThat(ApiId.generate(clock).value())
        .matches("api_[0-9a-f]{32}")
        .startsWith("api_fedcba987654");
  }
}
