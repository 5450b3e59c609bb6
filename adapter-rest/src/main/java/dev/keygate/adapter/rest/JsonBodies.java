package dev.keygate.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.token.SecretShape;
import dev.keygate.wire.WireJson;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The REST adapter's side of {@link WireJson}: reading request bodies strictly, refusing a missing
 * {@link Required} field or a wrong one with a message that names the field.
 */
final class JsonBodies {

  private JsonBodies() {}

  /**
   * A reader bound to each request type: it finds the type's deserializer once, where {@code
   * WireJson.mapper().readValue} looks the type and its deserializer up again on every call.
   */
  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return WireJson.mapper().readerFor(type);
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
  static boolean mayRepeat(String name) {
    return name.chars().noneMatch(c -> c <= ' ' || c >= 0x7f) && !SecretShape.mayHoldSecret(name);
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
              required.add(
                  new RequiredComponent(WireJson.propertyName(component), component.getAccessor()));
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
