package dev.keygate.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void readsSecondsMinutesHoursAndDays() {
    assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(converter.convert("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(converter.convert("90d")).isEqualTo(Duration.ofDays(90));
    assertThat(converter.convert("0s")).isEqualTo(Duration.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "h", "1x", "-1h", "1.5h", "1 h", "1H", "PT1H", "1h30m", "soon"})
  void refusesAnythingElse_sayingWhatItExpects(String value) {
    assertThatThrownBy(() -> converter.convert(value))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'" + value + "' is not a duration such as 30s, 15m, 1h or 90d");
  }

  @Property
  void aWholeNumberOfAnyUnit_readsAsThatMany(@ForAll @IntRange(min = 0, max = 100_000) int amount) {
    assertThat(converter.convert(amount + "s")).isEqualTo(Duration.ofSeconds(amount));
    assertThat(converter.convert(amount + "m")).isEqualTo(Duration.ofMinutes(amount));
    assertThat(converter.convert(amount + "h")).isEqualTo(Duration.ofHours(amount));
    assertThat(converter.convert(amount + "d")).isEqualTo(Duration.ofDays(amount));
  }
}
