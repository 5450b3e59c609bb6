package dev.keygate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitReachedExceptionTest {

  @Test
  void carriesItsMessageAndRetryAfter_butNoStackTrace() {
    LimitReachedException refused =
        new LimitReachedException("every hashing slot is busy", Duration.ofSeconds(2));

    assertThat(refused)
        .isInstanceOf(KeygateException.class)
        .hasMessage("every hashing slot is busy");
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    assertThat(refused.getStackTrace()).isEmpty();
  }

  @Test
  void aNegativeRetryAfter_isRefused() {
    assertThatThrownBy(() -> new LimitReachedException("busy", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
  }
}
