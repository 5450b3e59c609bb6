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
import java.lang.reflect.ParameterizedType;
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
   * The {@link Required} components of each record type, with their JSON names, and the components
   * holding records (or lists of them) whose own required fields are checked in turn. Found once
   * per type: reading record components and their annotations by reflection costs more than parsing
   * the body.
   */
  private static final ClassValue<Components> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected Components computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          if (components == null) {
            return new Components(List.of(), List.of());
          }
          List<Component> required = new ArrayList<>();
          List<Component> nested = new ArrayList<>();
          for (RecordComponent component : components) {
            Component named =
                new Component(WireJson.propertyName(component), component.getAccessor());
            if (component.isAnnotationPresent(Required.class)) {
              required.add(named);
            }
            if (holdsRecords(component)) {
              nested.add(named);
            }
          }
          return new Components(List.copyOf(required), List.copyOf(nested));
        }
      };

  private record Component(String name, Method accessor) {}

  private record Components(List<Component> required, List<Component> nested) {}

  /** Whether the component is a record, or a list of records. */
  private static boolean holdsRecords(RecordComponent component) {
    if (component.getType().isRecord()) {
      return true;
    }
    return List.class.isAssignableFrom(component.getType())
        && component.getGenericType() instanceof ParameterizedType list
        && list.getActualTypeArguments()[0] instanceof Class<?> element
        && element.isRecord();
  }

  /**
   * Refuses a record whose {@link Required} components are missing (or {@code null}), naming them
   * by their path, such as {@code rate_limits[0].limit}.
   */
  private static void requireFields(Object value) {
    requireFields(value, "");
  }

  private static void requireFields(Object value, String path) {
    Components components = COMPONENTS.get(value.getClass());
    for (Component component : components.required()) {
      if (valueOf(component.accessor(), value) == null) {
        throw new ValidationException(path + component.name() + " is required");
      }
    }
    for (Component component : components.nested()) {
      Object nested = valueOf(component.accessor(), value);
      if (nested instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) != null) {
            requireFields(list.get(i), path + component.name() + "[" + i + "].");
          }
        }
      } else if (nested != null) {
        requireFields(nested, path + component.name() + ".");
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
