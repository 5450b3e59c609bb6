package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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

  /** Asserts the answer is the error envelope: one error with a code and a non-blank message. */
  static void assertErrorShape(RestFixture.Answer answer) {
    assertThat(answer.response().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode json = answer.json();
    assertThat(fields(json)).as(answer.body()).containsExactly("errors");
    assertThat(json.get("errors").size()).isEqualTo(1);
    JsonNode error = json.get("errors").get(0);
    assertThat(fields(error)).containsExactlyInAnyOrder("code", "message");
    assertThat(error.get("code").isTextual()).isTrue();
    assertThat(error.get("message").asText()).isNotBlank();
  }
}
