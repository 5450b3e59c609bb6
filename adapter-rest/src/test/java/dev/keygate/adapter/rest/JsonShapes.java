package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.wire.WireJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks on the shape of JSON answers: field names, no nulls, the error envelope. */
final class JsonShapes {

  private JsonShapes() {}

  /** The field names of an object. */
  static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The JSON pointers of every {@code null} in the document; Keygate never writes one. */
  static List<String> nulls(JsonNode node) {
    List<String> found = new ArrayList<>();
    collectNulls(node, "", found);
    return found;
  }

  private static void collectNulls(JsonNode node, String at, List<String> found) {
    if (node.isNull()) {
      found.add(at);
    } else if (node.isObject()) {
      node.properties().forEach(e -> collectNulls(e.getValue(), at + "/" + e.getKey(), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectNulls(node.get(i), at + "/" + i, found);
      }
    }
  }

  /** Asserts the answer is {@code {"errors":[{"code","message"}]}} with this status and code. */
  static void assertError(RestFixture.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertErrorShape(answer);
    assertThat(answer.text("/errors/0/code")).isEqualTo(code);
  }

  /**
   * Asserts the raw answer is {@code {"errors":[{"code","message"}]}} with this status and code.
   */
  static void assertError(RawHttp.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertErrorShape(response.header("Content-Type"), response.body());
    assertThat(errorCode(response.body())).isEqualTo(code);
  }

  /** The code of the one error in an error envelope. */
  static String errorCode(String body) {
    return parse(body).at("/errors/0/code").asText();
  }

  /** The message of the one error in an error envelope. */
  static String errorMessage(String body) {
    return parse(body).at("/errors/0/message").asText();
  }

  /** Asserts the answer is the error envelope: one error with a code and a non-blank message. */
  static void assertErrorShape(RestFixture.Answer answer) {
    assertErrorShape(answer.response().headers().firstValue("Content-Type"), answer.body());
  }

  /** Asserts a body with its content type is the error envelope. */
  static void assertErrorShape(Optional<String> contentType, String body) {
    assertThat(contentType)
        .as(body)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode json = parse(body);
    assertThat(fields(json)).as(body).containsExactly("errors");
    assertThat(json.get("errors").size()).isEqualTo(1);
    JsonNode error = json.get("errors").get(0);
    assertThat(fields(error)).containsExactlyInAnyOrder("code", "message");
    assertThat(error.get("code").isTextual()).isTrue();
    assertThat(error.get("message").asText()).isNotBlank();
  }

  private static JsonNode parse(String body) {
    try {
      return WireJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }
}
