package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keygate.adapter.rest.ErrorMapping.BusinessAnswer;
import dev.keygate.domain.KeygateException.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of business failure and its one answer; {@link ErrorAnswersTest} asks over HTTP. */
class ErrorMappingTest {

  @Test
  void eachKindOfBusinessFailure_hasItsStatusAndCode() {
    Map<Kind, BusinessAnswer> expected =
        Map.of(
            Kind.INVALID, new BusinessAnswer(400, "INVALID_REQUEST"),
            Kind.FORBIDDEN, new BusinessAnswer(403, "FORBIDDEN"),
            Kind.NOT_FOUND, new BusinessAnswer(404, "NOT_FOUND"),
            Kind.CONFLICT, new BusinessAnswer(409, "CONFLICT"),
            Kind.LIMIT_REACHED, new BusinessAnswer(429, "TOO_MANY_REQUESTS"));

    assertThat(expected).containsOnlyKeys(Kind.values());
    expected.forEach(
        (kind, answer) ->
            assertThat(ErrorMapping.answerTo(kind)).as(kind.name()).isEqualTo(answer));
  }
}
