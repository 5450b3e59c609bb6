package archfixture.good.wire;

import archfixture.good.application.port.in.UseCase;
import archfixture.good.domain.Value;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A wire view: the domain's value as JSON, for whoever asks the port, written by Jackson. */
public record ValueView(String text) {

  static final ObjectMapper MAPPER = new ObjectMapper();

  static ValueView of(UseCase useCase) {
    Value value = useCase.run();
    return new ValueView(value.text());
  }
}
