package dev.keygate.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Keygate's one JSON configuration: snake_case, ISO-8601 UTC timestamps, absent optionals left out
 * (never {@code null}), and strict reading — unknown fields, wrong types and coerced scalars are
 * refused, so the reader of a request can name the field.
 */
public final class WireJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .addModule(
              new SimpleModule("iso-8601 timestamps")
                  .addDeserializer(Instant.class, new IsoInstantDeserializer()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // 1.5 for a whole number is a wrong value, not 1.
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
          .withCoercionConfigDefaults(
              config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Textual,
              config -> {
                config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
              })
          .build();

  private static final ObjectWriter COMPACT = MAPPER.writer();

  /** The same configuration, indented for the people who read a command's output too. */
  private static final ObjectWriter INDENTED = MAPPER.writerWithDefaultPrettyPrinter();

  private WireJson() {}

  /** The mapper itself, for a reader of requests and for a server's JSON plugin. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code value} on one line, as the REST API answers. */
  public static String write(Object value) {
    return write(COMPACT, value);
  }

  /** {@code value} indented: the same fields as {@link #write}, laid out for people. */
  public static String writeIndented(Object value) {
    return write(INDENTED, value);
  }

  private static String write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** The JSON name of a record component, as this mapper reads and writes it. */
  public static String propertyName(RecordComponent component) {
    if (MAPPER.getPropertyNamingStrategy() instanceof PropertyNamingStrategies.NamingBase naming) {
      return naming.translate(component.getName());
    }
    return component.getName();
  }

  /**
   * Reads a timestamp from ISO-8601 text only, as the API documents it: Jackson's own reader also
   * takes a number, or digits in a string, as seconds since the epoch.
   */
  private static final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    IsoInstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
      }
      String text = parser.getText();
      try {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
      } catch (DateTimeException notIso) {
        return (Instant)
            context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 date-time");
      }
    }
  }
}
