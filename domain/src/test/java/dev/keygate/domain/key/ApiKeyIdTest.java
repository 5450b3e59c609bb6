package dev.keygate.domain.key;

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

class ApiKeyIdTest {

  private static final String HEX = "0195485a3c000123456789abcdef0123";

  @Test
  void givenWellFormedValue_newId_keepsItAndPrintsIt() {
    ApiKeyId id = new ApiKeyId("api_key_" + HEX);

    assertThat(id.value()).isEqualTo("api_key_" + HEX);
    assertThat(id).hasToString("api_key_" + HEX);
    assertThat(ApiKeyId.isWellFormed("api_key_" + HEX)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "api_key_",
        "api_key_0195485a3c000123456789abcdef012",
        "api_key_0195485a3c000123456789abcdef01234",
        "api_key_0195485A3C000123456789ABCDEF0123",
        "api_key_0195485a3c000123456789abcdef012g",
        "API_KEY_0195485a3c000123456789abcdef0123",
        "api_0195485a3c000123456789abcdef0123",
        "key_0195485a3c000123456789abcdef0123",
        "api_key-0195485a3c000123456789abcdef0123",
        " api_key_0195485a3c000123456789abcdef0123",
        "api_key_0195485a3c000123456789abcdef012 "
      })
  void givenMalformedValue_newId_isRefused(String value) {
    assertThatThrownBy(() -> new ApiKeyId(value))
        .isInstanceOf(ValidationException.class)
        .hasMessage("api key id must be 'api_key_' followed by 32 lowercase hex digits");
    assertThat(ApiKeyId.isWellFormed(value)).isFalse();
  }

  @Test
  void givenClock_generate_startsWithTheMillisecondTimestampInHex() {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(0x0195485a3c12L), ZoneOffset.UTC);

    ApiKeyId id = ApiKeyId.generate(clock);

    assertThat(id.value()).matches("api_key_[0-9a-f]{32}").startsWith("api_key_0195485a3c12");
  }

  @Test
  void givenSameInstant_generate_givesDifferentIds() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    assertThat(ApiKeyId.generate(clock)).isNotEqualTo(ApiKeyId.generate(clock));
  }
}
