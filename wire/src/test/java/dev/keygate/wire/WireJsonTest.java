package dev.keygate.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WireJsonTest {

  record Sample(String keyId, Optional<String> orgCode, Instant createdOn, String left) {}

  private static final Sample SAMPLE =
      new Sample("api_key_1", Optional.empty(), Instant.parse("2026-01-01T09:30:00Z"), null);

  @Test
  void write_isSnakeCaseWithIsoUtcTimesAndLeavesAbsentValuesOut() {
    assertThat(WireJson.write(SAMPLE))
        .isEqualTo("{\"key_id\":\"api_key_1\",\"created_on\":\"2026-01-01T09:30:00Z\"}");
  }

  @Test
  void writeIndented_isTheSameDocumentOnSeveralLines() throws Exception {
    String indented = WireJson.writeIndented(SAMPLE);

    assertThat(indented).contains("\n  \"key_id\" : \"api_key_1\"");
    assertThat(WireJson.mapper().readTree(indented))
        .isEqualTo(WireJson.mapper().readTree(WireJson.write(SAMPLE)));
  }

  @Test
  void propertyName_isTheSnakeCaseNameOfTheComponent() {
    assertThat(WireJson.propertyName(Sample.class.getRecordComponents()[0])).isEqualTo("key_id");
  }

  @Test
  void reading_refusesUnknownFields() {
    assertThatThrownBy(
            () -> WireJson.mapper().readValue("{\"key_id\":\"k\",\"extra\":1}", Sample.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }

  @Test
  void reading_takesTimesAsIsoTextOnly() throws Exception {
    assertThat(
            WireJson.mapper()
                .readValue("{\"created_on\":\"2026-01-01T10:30:00+01:00\"}", Sample.class)
                .createdOn())
        .isEqualTo(Instant.parse("2026-01-01T09:30:00Z"));
    assertThatThrownBy(() -> WireJson.mapper().readValue("{\"created_on\":1}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void reading_refusesANumberForText() {
    assertThatThrownBy(() -> WireJson.mapper().readValue("{\"key_id\":1}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
