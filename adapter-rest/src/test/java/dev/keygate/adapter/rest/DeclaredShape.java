package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON shape as a published specification declares it, checked closed, as a client generated from
 * that specification reads it (openapi-generator's {@code okhttp-gson} refuses a field its model
 * does not declare): every field of an object must be declared, with the declared type, and {@code
 * null} only where the field is declared nullable. A declared field may be left out.
 */
final class DeclaredShape {

  enum Type {
    STRING,
    DATE_TIME,
    BOOLEAN,
    INTEGER,
    OBJECT,
    ARRAY
  }

  private final Type type;
  private final boolean nullable;
  private final Map<String, DeclaredShape> fields;
  private final DeclaredShape items;

  private DeclaredShape(
      Type type, boolean nullable, Map<String, DeclaredShape> fields, DeclaredShape items) {
    this.type = type;
    this.nullable = nullable;
    this.fields = fields;
    this.items = items;
  }

  static DeclaredShape string() {
    return new DeclaredShape(Type.STRING, false, Map.of(), null);
  }

  static DeclaredShape dateTime() {
    return new DeclaredShape(Type.DATE_TIME, false, Map.of(), null);
  }

  static DeclaredShape bool() {
    return new DeclaredShape(Type.BOOLEAN, false, Map.of(), null);
  }

  static DeclaredShape integer() {
    return new DeclaredShape(Type.INTEGER, false, Map.of(), null);
  }

  static DeclaredShape array(DeclaredShape items) {
    return new DeclaredShape(Type.ARRAY, false, Map.of(), items);
  }

  /** An object of these fields: name, shape, name, shape… */
  static DeclaredShape object(Object... namesAndShapes) {
    Map<String, DeclaredShape> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndShapes.length; i += 2) {
      fields.put((String) namesAndShapes[i], (DeclaredShape) namesAndShapes[i + 1]);
    }
    return new DeclaredShape(Type.OBJECT, false, Map.copyOf(fields), null);
  }

  /** The same shape, declared {@code nullable: true}. */
  DeclaredShape nullable() {
    return new DeclaredShape(type, true, fields, items);
  }

  /** The declared field names of an object shape. */
  java.util.Set<String> fieldNames() {
    return fields.keySet();
  }

  /** Everything in {@code json} that this shape does not declare, as JSON pointers and why. */
  List<String> violations(JsonNode json) {
    List<String> found = new ArrayList<>();
    check(json, "", found);
    return found;
  }

  /** Asserts {@code json} holds nothing this shape does not declare. */
  void assertDeclares(JsonNode json) {
    assertThat(violations(json)).as(json.toString()).isEmpty();
  }

  private void check(JsonNode json, String at, List<String> found) {
    if (json.isNull()) {
      if (!nullable) {
        found.add(at + ": null, but not declared nullable");
      }
      return;
    }
    switch (type) {
      case STRING -> expect(json.isTextual(), at, "a string", json, found);
      case DATE_TIME -> {
        expect(json.isTextual(), at, "a date-time string", json, found);
        if (json.isTextual()) {
          try {
            OffsetDateTime.parse(json.asText());
          } catch (DateTimeParseException notIso) {
            found.add(at + ": not an ISO-8601 date-time: " + json.asText());
          }
        }
      }
      case BOOLEAN -> expect(json.isBoolean(), at, "a boolean", json, found);
      case INTEGER -> expect(json.isIntegralNumber(), at, "an integer", json, found);
      case ARRAY -> {
        expect(json.isArray(), at, "an array", json, found);
        for (int i = 0; i < json.size(); i++) {
          items.check(json.get(i), at + "/" + i, found);
        }
      }
      case OBJECT -> {
        expect(json.isObject(), at, "an object", json, found);
        json.properties()
            .forEach(
                field -> {
                  DeclaredShape declared = fields.get(field.getKey());
                  String path = at + "/" + field.getKey();
                  if (declared == null) {
                    found.add(path + ": not declared");
                  } else {
                    declared.check(field.getValue(), path, found);
                  }
                });
      }
    }
  }

  private static void expect(
      boolean holds, String at, String what, JsonNode json, List<String> found) {
    if (!holds) {
      found.add(at + ": expected " + what + ", was " + json.getNodeType());
    }
  }
}
