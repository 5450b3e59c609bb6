package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keygate.wire.SuccessResponse;
import dev.keygate.wire.WireJson;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The document {@link OpenApiDocument} builds from route records, without a server. */
class OpenApiDocumentTest {

  record Part(String label) {}

  record Sample(
      String name,
      boolean active,
      int count,
      long total,
      Integer boxedCount,
      Long boxedTotal,
      Instant createdOn,
      Optional<Instant> expiresOn,
      List<String> tags,
      Optional<List<Long>> sizes,
      Part mainPart,
      List<Part> parts) {}

  record Ask(@Required String name, String note, long seconds, Optional<Part> part) {}

  record WithUuid(UUID id) {}

  private static final Route.QueryParameter LIMIT =
      new Route.QueryParameter("limit", "integer", "how many");

  @Test
  void responseRecords_becomeSnakeCaseSchemas_requiringAllButOptionals() {
    JsonNode document = describe(get("/things").answers(Sample.class, ctx -> {}));
    JsonNode sample = document.at("/components/schemas/OpenApiDocumentTest.Sample");

    assertThat(sample.get("type").asText()).isEqualTo("object");
    assertThat(sample.at("/properties/name/type").asText()).isEqualTo("string");
    assertThat(sample.at("/properties/active/type").asText()).isEqualTo("boolean");
    assertThat(sample.at("/properties/count/type").asText()).isEqualTo("integer");
    assertThat(sample.at("/properties/count/format").asText()).isEqualTo("int32");
    assertThat(sample.at("/properties/total/format").asText()).isEqualTo("int64");
    assertThat(sample.at("/properties/boxed_count/format").asText()).isEqualTo("int32");
    assertThat(sample.at("/properties/boxed_total/format").asText()).isEqualTo("int64");
    assertThat(sample.at("/properties/created_on/type").asText()).isEqualTo("string");
    assertThat(sample.at("/properties/created_on/format").asText()).isEqualTo("date-time");
    assertThat(sample.at("/properties/expires_on/format").asText()).isEqualTo("date-time");
    assertThat(sample.at("/properties/tags/type").asText()).isEqualTo("array");
    assertThat(sample.at("/properties/tags/items/type").asText()).isEqualTo("string");
    assertThat(sample.at("/properties/sizes/items/format").asText()).isEqualTo("int64");
    assertThat(sample.at("/properties/main_part/$ref").asText())
        .isEqualTo("#/components/schemas/OpenApiDocumentTest.Part");
    assertThat(sample.at("/properties/parts/items/$ref").asText())
        .isEqualTo("#/components/schemas/OpenApiDocumentTest.Part");
    assertThat(texts(sample.get("required")))
        .containsExactly(
            "name",
            "active",
            "count",
            "total",
            "boxed_count",
            "boxed_total",
            "created_on",
            "tags",
            "main_part",
            "parts");
    assertThat(sample.has("additionalProperties")).isFalse();
    assertThat(document.at("/components/schemas/OpenApiDocumentTest.Part/required/0").asText())
        .isEqualTo("label");
  }

  @Test
  void requestRecords_requireOnlyRequiredFields_acceptNullForTheOthers_andRefuseUnknownOnes() {
    JsonNode document =
        describe(post("/api/v1/asks").body(Ask.class).answers(SuccessResponse.class, ctx -> {}));
    JsonNode ask = document.at("/components/schemas/OpenApiDocumentTest.Ask");

    assertThat(texts(ask.get("required"))).containsExactly("name");
    assertThat(ask.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(ask.at("/properties/name/nullable").isMissingNode()).isTrue();
    assertThat(ask.at("/properties/note/nullable").asBoolean()).isTrue();
    // A primitive is never null: left out, it reads as 0.
    assertThat(ask.at("/properties/seconds/nullable").isMissingNode()).isTrue();
    JsonNode partClosed =
        document.at("/components/schemas/OpenApiDocumentTest.Part/additionalProperties");
    assertThat(partClosed.isBoolean()).isTrue();
    assertThat(partClosed.asBoolean()).isFalse();
    JsonNode body = document.at("/paths/~1api~1v1~1asks/post/requestBody");
    assertThat(body.get("required").asBoolean()).isTrue();
    assertThat(body.at("/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/OpenApiDocumentTest.Ask");
  }

  @Test
  void anOptionalBody_isNotRequired() {
    JsonNode document =
        describe(
            post("/api/v1/asks").optionalBody(Ask.class).answers(SuccessResponse.class, ctx -> {}));

    assertThat(document.at("/paths/~1api~1v1~1asks/post/requestBody/required").asBoolean(true))
        .isFalse();
  }

  @Test
  void pathAndQueryParameters_comeFromTheTemplateAndTheRoute() {
    JsonNode operation =
        describe(
                get("/api/v1/things/{thing_id}/parts/{part_id}")
                    .query(LIMIT)
                    .answers(Part.class, ctx -> {}))
            .at("/paths/~1api~1v1~1things~1{thing_id}~1parts~1{part_id}/get");

    assertThat(operation.at("/parameters/0/name").asText()).isEqualTo("thing_id");
    assertThat(operation.at("/parameters/0/in").asText()).isEqualTo("path");
    assertThat(operation.at("/parameters/0/required").asBoolean()).isTrue();
    assertThat(operation.at("/parameters/1/name").asText()).isEqualTo("part_id");
    assertThat(operation.at("/parameters/2/name").asText()).isEqualTo("limit");
    assertThat(operation.at("/parameters/2/in").asText()).isEqualTo("query");
    assertThat(operation.at("/parameters/2/required").asBoolean(true)).isFalse();
    assertThat(operation.at("/parameters/2/schema/type").asText()).isEqualTo("integer");
    assertThat(operation.get("operationId").asText()).isEqualTo("getThingsByThingIdPartsByPartId");
  }

  @Test
  void failures_followTheShapeOfTheRoute_andDeclaredOnesAreAdded() {
    JsonNode plain =
        describe(get("/status").answers(Part.class, ctx -> {})).at("/paths/~1status/get");
    assertThat(statuses(plain)).containsExactly("200");
    assertThat(plain.has("security")).isFalse();

    JsonNode read =
        describe(get("/api/v1/things/{thing_id}").scope("read:things").answers(Part.class, c -> {}))
            .at("/paths/~1api~1v1~1things~1{thing_id}/get");
    assertThat(statuses(read)).containsExactly("200", "400", "401", "403", "404", "429");
    assertThat(read.at("/security/0/managementKey").isArray()).isTrue();
    assertThat(read.get("x-scope").asText()).isEqualTo("read:things");
    assertThat(read.get("description").asText()).contains("`read:things`");

    JsonNode write =
        describe(
                post("/api/v1/things")
                    .scope("create:things")
                    .body(Ask.class)
                    .status(201)
                    .fails(409, "The thing exists.")
                    .answers(SuccessResponse.class, ctx -> {}))
            .at("/paths/~1api~1v1~1things/post");
    assertThat(statuses(write))
        .containsExactly("201", "400", "401", "403", "409", "413", "415", "429");
    assertThat(write.at("/responses/409/description").asText()).isEqualTo("The thing exists.");
    assertThat(write.at("/responses/429/description").asText()).contains("Retry-After");
    assertThat(write.at("/responses/409/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ErrorResponse");
  }

  @Test
  void textAnswers_documentTheirMediaType() {
    JsonNode operation =
        describe(get("/text").produces("text/plain").answers(String.class, ctx -> {}))
            .at("/paths/~1text/get/responses/200/content");

    assertThat(operation.at("/text~1plain/schema/type").asText()).isEqualTo("string");
    assertThat(operation.has("application/json")).isFalse();
  }

  @Test
  void aTypeWithoutSchema_isRefused() {
    Route route = get("/ids").answers(WithUuid.class, ctx -> {});

    assertThatThrownBy(() -> OpenApiDocument.describe(List.of(route)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.util.UUID");
  }

  @Test
  void aRecordUsedAsRequestAndAsResponse_isRefused() {
    Route route = post("/api/v1/asks").body(Part.class).answers(Part.class, ctx -> {});

    assertThatThrownBy(() -> OpenApiDocument.describe(List.of(route)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both as a request and as a response");
  }

  @Test
  void theSameMethodAndPathTwice_isRefused() {
    Route once = get("/things").answers(Part.class, ctx -> {});
    Route twice = get("/things").answers(Sample.class, ctx -> {});

    assertThatThrownBy(() -> OpenApiDocument.describe(List.of(once, twice)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("getThings");
  }

  private static Route.Builder get(String path) {
    return Route.of(HandlerType.GET, path, "a summary");
  }

  private static Route.Builder post(String path) {
    return Route.of(HandlerType.POST, path, "a summary");
  }

  private static JsonNode describe(Route... routes) {
    return WireJson.mapper().valueToTree(OpenApiDocument.describe(List.of(routes)));
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> statuses(JsonNode operation) {
    List<String> statuses = new ArrayList<>();
    operation.get("responses").fieldNames().forEachRemaining(statuses::add);
    return statuses;
  }
}
