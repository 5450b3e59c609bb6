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

  /**
   * Asserts the answer is the error envelope for its status ({@code
   * {"errors":[{"code","message"}]}}, or {@code {"errors":{"code","message"}}} for a 404) with this
   * status and code.
   */
  static void assertError(RestFixture.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertErrorShape(answer);
    assertThat(errorCode(answer.body())).isEqualTo(code);
  }

  /** Asserts the raw answer is the error envelope for its status with this status and code. */
  static void assertError(RawHttp.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertErrorShape(response.header("Content-Type"), response.body());
    assertThat(errorCode(response.body())).isEqualTo(code);
  }

  /** The one error of an error envelope: {@code errors[0]}, or a 404's {@code errors}. */
  private static JsonNode error(String body) {
    JsonNode errors = parse(body).path("errors");
    return errors.isArray() ? errors.path(0) : errors;
  }

  /** The code of the one error in an error envelope. */
  static String errorCode(String body) {
    return error(body).path("code").asText();
  }

  /** The message of the one error in an error envelope. */
  static String errorMessage(String body) {
    return error(body).path("message").asText();
  }

  /** Asserts the answer is the error envelope of its status. */
  static void assertErrorShape(RestFixture.Answer answer) {
    assertErrorShape(
        answer.status(), answer.response().headers().firstValue("Content-Type"), answer.body());
  }

  /**
   * Asserts a body with its content type is an error envelope: Kinde's {@code error_response}, or
   * its {@code not_found_response}, each with one error that has a code and a non-blank message.
   */
  static void assertErrorShape(Optional<String> contentType, String body) {
    assertThat(contentType)
        .as(body)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode json = parse(body);
    assertThat(fields(json)).as(body).containsExactly("errors");
    JsonNode error;
    if (json.get("errors").isArray()) {
      assertThat(json.get("errors").size()).isEqualTo(1);
      error = json.get("errors").get(0);
    } else {
      error = json.get("errors");
    }
    assertThat(fields(error)).containsExactlyInAnyOrder("code", "message");
    assertThat(error.get("code").isTextual()).isTrue();
    assertThat(error.get("message").asText()).isNotBlank();
  }

  /** As above, and the envelope is the one of {@code status}: an object for 404, else a list. */
  static void assertErrorShape(int status, Optional<String> contentType, String body) {
    assertErrorShape(contentType, body);
    assertThat(parse(body).get("errors").isArray()).as(body).isEqualTo(status != 404);
  }

  private static JsonNode parse(String body) {
    try {
      return WireJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }
}
