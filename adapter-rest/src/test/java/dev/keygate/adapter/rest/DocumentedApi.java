package dev.keygate.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.keygate.wire.WireJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OpenAPI document a running server answers, and the validation of bodies against the schemas
 * it documents, with the OpenAPI 3.0 dialect and date-time formats asserted. Validation is closed:
 * a property a record schema does not list is refused too, so that a body can't carry undocumented
 * fields.
 */
final class DocumentedApi {

  private static final String LOCATION = "https://keygate.invalid/openapi.json";

  final JsonNode document;
  private final SchemaRegistry registry;

  private DocumentedApi(JsonNode document) {
    this.document = document;
    String closed = WireJson.write(closed(document.deepCopy()));
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi30(),
            builder -> builder.schemas(Map.of(LOCATION, closed)).schemaRegistryConfig(config));
  }

  /** The document as {@code GET /openapi.json} answers it, without credentials. */
  static DocumentedApi of(RestFixture rest) {
    RestFixture.Answer answer = rest.call("GET", OpenApiDocument.PATH, null, null);
    if (answer.status() != 200) {
      throw new AssertionError("GET /openapi.json answered " + answer.status());
    }
    return new DocumentedApi(answer.json());
  }

  /** Every documented operation as {@code "METHOD /path/{template}"}. */
  Set<String> operations() {
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
        operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }
    return operations;
  }

  JsonNode operation(String method, String template) {
    JsonNode operation =
        document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      throw new AssertionError(method + " " + template + " is not documented");
    }
    return operation;
  }

  /** The documented answer of the operation with this status, if there is one. */
  Optional<JsonNode> response(String method, String template, int status) {
    JsonNode response = operation(method, template).path("responses").path(String.valueOf(status));
    return response.isMissingNode() ? Optional.empty() : Optional.of(response);
  }

  /** The success status the operation documents: its one 2xx answer. */
  int successStatus(String method, String template) {
    Set<Integer> success = new TreeSet<>();
    operation(method, template)
        .path("responses")
        .fieldNames()
        .forEachRemaining(
            status -> {
              if (status.startsWith("2")) {
                success.add(Integer.valueOf(status));
              }
            });
    if (success.size() != 1) {
      throw new AssertionError(method + " " + template + " documents successes " + success);
    }
    return success.iterator().next();
  }

  /** The one media type the answer documents. */
  String mediaType(String method, String template, int status) {
    JsonNode content = response(method, template, status).orElseThrow().path("content");
    if (content.size() != 1) {
      throw new AssertionError(method + " " + template + " " + status + " documents " + content);
    }
    return content.fieldNames().next();
  }

  /** What is wrong with {@code body} as the documented answer {@code status} of the operation. */
  List<String> errors(String method, String template, int status, String body) {
    String pointer =
        "/paths/"
            + escape(template)
            + "/"
            + method.toLowerCase(Locale.ROOT)
            + "/responses/"
            + status
            + "/content/"
            + escape(mediaType(method, template, status))
            + "/schema";
    return validate(pointer, body);
  }

  /**
   * What is wrong with {@code body} as the richer answer the operation documents for the opt-in
   * {@code Keygate-Extensions: true}, under {@code x-keygate-extended} of its success; its default
   * schema when it documents none, since the opt-in then changes nothing.
   */
  List<String> extendedErrors(String method, String template, int status, String body) {
    JsonNode extended =
        response(method, template, status).orElseThrow().path(OpenApiDocument.EXTENDED);
    if (extended.isMissingNode()) {
      return errors(method, template, status, body);
    }
    String pointer =
        "/paths/"
            + escape(template)
            + "/"
            + method.toLowerCase(Locale.ROOT)
            + "/responses/"
            + status
            + "/"
            + OpenApiDocument.EXTENDED
            + "/schema";
    return validate(pointer, body);
  }

  /** Whether the operation documents a richer answer for the opt-in. */
  boolean hasExtended(String method, String template, int status) {
    return response(method, template, status)
        .map(response -> response.has(OpenApiDocument.EXTENDED))
        .orElse(false);
  }

  /** What is wrong with {@code body} as an instance of {@code components/schemas/<name>}. */
  List<String> errors(String schemaName, String body) {
    if (document.path("components").path("schemas").path(schemaName).isMissingNode()) {
      throw new AssertionError("no schema " + schemaName);
    }
    return validate("/components/schemas/" + escape(schemaName), body);
  }

  private List<String> validate(String pointer, String body) {
    Schema schema =
        registry.getSchema(
            SchemaLocation.of(LOCATION + "#" + pointer.replace("{", "%7B").replace("}", "%7D")));
    return schema.validate(body, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  /** A JSON pointer token: {@code ~} and {@code /} escaped. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** The document with every record schema closed to properties it does not list. */
  private static JsonNode closed(JsonNode document) {
    document
        .path("components")
        .path("schemas")
        .forEach(
            schema -> {
              if (schema.has("properties") && !schema.has("additionalProperties")) {
                ((ObjectNode) schema).put("additionalProperties", false);
              }
            });
    return document;
  }
}
