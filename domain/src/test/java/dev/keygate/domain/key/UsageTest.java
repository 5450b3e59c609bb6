package dev.keygate.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keygate.domain.ValidationException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageTest {

  @Test
  void givenNeverVerifiedKey_usageNone_hasNoTimeNoAddressAndZeroCount() {
    assertThat(Usage.NONE.lastVerifiedOn()).isEmpty();
    assertThat(Usage.NONE.lastVerifiedIp()).isEmpty();
    assertThat(Usage.NONE.verificationCount()).isZero();
  }

  @Test
  void givenRecordedVerifications_usage_keepsThem() {
    Instant when = Instant.parse("2025-03-02T08:00:00Z");

    Usage usage = new Usage(Optional.of(when), Optional.of("203.0.113.7"), 42);

    assertThat(usage.lastVerifiedOn()).contains(when);
    assertThat(usage.lastVerifiedIp()).contains("203.0.113.7");
    assertThat(usage.verificationCount()).isEqualTo(42);
  }

  @Test
  void givenNegativeCount_usage_isRefused() {
    assertThatThrownBy(() -> new Usage(Optional.empty(), Optional.empty(), -1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("verification count must not be negative");
  }

  @Test
  void givenMissingTimeOptional_usage_isRefused() {
    assertThatThrownBy(() -> new Usage(null, Optional.empty(), 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("last verification time is required");
  }

  @Test
  void givenMissingAddressOptional_usage_isRefused() {
    assertThatThrownBy(() -> new Usage(Optional.empty(), null, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("last verification address is required");
  }
}
