package dev.keygate.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.token.SecretShape;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one JSON configuration of the REST adapter: snake_case, ISO-8601 UTC timestamps, absent
 * optionals left out, and strict reading — unknown fields, wrong types and coerced scalars are
 * refused with a message that names the field.
 */
final class Json {

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

  private Json() {}

  static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A reader bound to each request type: it finds the type's deserializer once, where {@code
   * MAPPER.readValue} looks the type and its deserializer up again on every call.
   */
  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return MAPPER.readerFor(type);
        }
      };

  /**
   * Reads a request body.
   *
   * @throws ValidationException naming the offending field, never echoing its value
   */
  static <T> T read(byte[] body, Class<T> type) {
    try {
      T value = READERS.get(type).readValue(body);
      if (value == null) {
        throw new ValidationException("request body must be a JSON object");
      }
      requireFields(value);
      return value;
    } catch (UnrecognizedPropertyException e) {
      String field = path(e);
      throw new ValidationException(
          mayRepeat(field)
              ? "unknown field " + field
              : "unknown field of " + field.length() + " characters, not repeated here");
    } catch (JsonMappingException e) {
      String field = path(e);
      throw new ValidationException(
          field.isEmpty()
              ? "request body must be a JSON object of the documented shape"
              : "field " + field + " has the wrong type or value");
    } catch (JsonProcessingException e) {
      throw new ValidationException("request body is not valid JSON");
    } catch (IOException e) {
      throw new ValidationException("request body could not be read");
    }
  }

  /**
   * Whether an unknown field's name may be repeated in an error: the caller chose it, so it could
   * be a pasted secret. Printable, and not {@linkplain SecretShape shaped like a secret}.
   */
  private static boolean mayRepeat(String name) {
    return name.chars().noneMatch(c -> c <= ' ' || c >= 0x7f) && !SecretShape.mayHoldSecret(name);
  }

  /** The JSON name of a record component, as this mapper reads and writes it. */
  static String propertyName(RecordComponent component) {
    if (MAPPER.getPropertyNamingStrategy() instanceof PropertyNamingStrategies.NamingBase naming) {
      return naming.translate(component.getName());
    }
    return component.getName();
  }

  /**
   * The {@link Required} components of each record type, with their JSON names. Found once per
   * type: reading record components and their annotations by reflection costs more than parsing the
   * body.
   */
  private static final ClassValue<List<RequiredComponent>> REQUIRED =
      new ClassValue<>() {
        @Override
        protected List<RequiredComponent> computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          if (components == null) {
            return List.of();
          }
          List<RequiredComponent> required = new ArrayList<>();
          for (RecordComponent component : components) {
            if (component.isAnnotationPresent(Required.class)) {
              required.add(new RequiredComponent(propertyName(component), component.getAccessor()));
            }
          }
          return List.copyOf(required);
        }
      };

  private record RequiredComponent(String name, Method accessor) {}

  /** Refuses a record whose {@link Required} components are missing (or {@code null}). */
  private static void requireFields(Object value) {
    for (RequiredComponent component : REQUIRED.get(value.getClass())) {
      if (valueOf(component.accessor(), value) == null) {
        throw new ValidationException(component.name() + " is required");
      }
    }
  }

  private static Object valueOf(Method accessor, Object record) {
    try {
      return accessor.invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    }
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response could not be written as JSON", e);
    }
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

  /** The JSON path of the field a mapping failed on, such as {@code scope_ids[2]}. */
  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(
            reference ->
                reference.getFieldName() != null
                    ? reference.getFieldName()
                    : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
