package dev.keygate.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /openapi.json} as the running server answers it, against what the server serves. */
class OpenApiTest {

  private final RestFixture rest = new RestFixture();
  private final DocumentedApi api = DocumentedApi.of(rest);

  @AfterEach
  void stop() {
    rest.close();
  }

  @Test
  void routesServed_equalRoutesDocumented() {
    // Javalin's own router: what it really answers, filters such as the bearer guard aside.
    Set<String> served =
        rest.server().unsafe.internalRouter.allHttpHandlers().stream()
            .map(parsed -> parsed.endpoint)
            .filter(endpoint -> endpoint.method.isHttpMethod())
            .map((Endpoint endpoint) -> endpoint.method.name() + " " + endpoint.path)
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(served)
        .contains(
            "GET /api/v1/api_keys",
            "PUT /api/v1/api_keys/{key_id}",
            "GET /health",
            "GET /health/live",
            "GET /metrics",
            "GET /openapi.json",
            "GET /docs");
    assertThat(api.operations()).isEqualTo(served);
  }

  @Test
  void everyRouteOfTheGroups_isDocumentedAsDeclared() {
    for (RouteGroup group : rest.groups) {
      for (Route route : group.routes()) {
        JsonNode operation = api.operation(route.method().name(), route.path());
        assertThat(operation.get("summary").asText()).isEqualTo(route.summary());
        assertThat(operation.path("x-scope").asText(null)).isEqualTo(route.scope().orElse(null));
        assertThat(operation.get("description").asText())
            .contains(route.scope().map(scope -> "`" + scope + "`").orElse(""));
        assertThat(api.successStatus(route.method().name(), route.path()))
            .isEqualTo(route.status());
        assertThat(parameters(operation, "path")).isEqualTo(route.pathParameters());
        assertThat(parameters(operation, "query"))
            .isEqualTo(route.query().stream().map(Route.QueryParameter::name).toList());
        assertThat(operation.path("requestBody").path("required").asBoolean(false))
            .isEqualTo(route.request().isPresent() && !route.optionalRequest());
        assertThat(operation.has("requestBody")).isEqualTo(route.request().isPresent());
        assertThat(parameters(operation, "header"))
            .isEqualTo(route.extended().isPresent() ? List.of("Keygate-Extensions") : List.of());
        JsonNode extended =
            operation.at("/responses/" + route.status() + "/" + OpenApiDocument.EXTENDED);
        assertThat(extended.path("schema").path("$ref").asText(""))
            .isEqualTo(
                route
                    .extended()
                    .map(
                        type ->
                            "#/components/schemas/"
                                + type.getName()
                                    .substring(type.getPackageName().length() + 1)
                                    .replace('$', '.'))
                    .orElse(""));
      }
    }
  }

  @Test
  void kindesOperations_documentKindesShapes_andTheOptInTheRichOnes() {
    JsonNode key = api.operation("GET", "/api/v1/api_keys/{key_id}");
    assertThat(key.at("/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ApiKeyResponses.KindeOne");
    assertThat(key.at("/responses/200/x-keygate-extended/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ApiKeyResponses.One");
    assertThat(key.at("/responses/404/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ErrorResponse.NotFoundResponse");
    assertThat(key.at("/responses/400/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ErrorResponse");
    assertThat(
            api.document
                .at("/components/schemas/ApiKeyResponses.KindeDetails/properties")
                .has("org_code"))
        .isFalse();
    assertThat(api.document.at("/info/description").asText())
        .contains("Keygate-Extensions: true", "{\"errors\":{\"code\":\"…\",\"message\":\"…\"}}");
  }

  @Test
  void managementOperations_requireTheBearerKey_andTheOthersNothing() {
    JsonNode scheme = api.document.at("/components/securitySchemes/managementKey");
    assertThat(scheme.get("type").asText()).isEqualTo("http");
    assertThat(scheme.get("scheme").asText()).isEqualTo("bearer");
    assertThat(api.document.has("security")).isFalse();

    Map<String, Boolean> secured = new TreeMap<>();
    for (String operation : api.operations()) {
      String[] methodAndPath = operation.split(" ");
      JsonNode security = api.operation(methodAndPath[0], methodAndPath[1]).path("security");
      secured.put(operation, security.path(0).has("managementKey"));
    }
    Set<String> open =
        Set.of("POST /api/v1/secret_scanning", "POST /api/v1/api_keys/revoke_leaked");
    assertThat(secured.keySet()).containsAll(open);
    assertThat(secured)
        .allSatisfy(
            (operation, bearer) ->
                assertThat(bearer)
                    .as(operation)
                    .isEqualTo(operation.contains(" /api/v1/") && !open.contains(operation)));
    assertThat(secured).containsValue(true).containsValue(false);
  }

  @Test
  void everyOperation_hasAUniqueOperationId_andOnlyResolvableReferences() {
    List<String> ids = new ArrayList<>();
    for (String operation : api.operations()) {
      String[] methodAndPath = operation.split(" ");
      ids.add(api.operation(methodAndPath[0], methodAndPath[1]).get("operationId").asText());
    }
    assertThat(ids).doesNotHaveDuplicates().contains("getApiKeysByKeyId", "postApiKeysVerify");

    List<String> references = new ArrayList<>();
    collectReferences(api.document, references);
    assertThat(references).isNotEmpty();
    assertThat(references)
        .allSatisfy(
            reference -> assertThat(api.document.at(reference.substring(1)).isObject()).isTrue());
  }

  @Test
  void info_saysKindeCompatible_andNamesKeygatesExtensions() {
    assertThat(api.document.get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(api.document.at("/info/title").asText()).isEqualTo("Keygate");
    assertThat(api.document.at("/info/description").asText())
        .contains(
            "Kinde",
            "PATCH /api/v1/api_keys/{key_id}",
            "required_scopes",
            "api_id",
            "previous_key_expires_in_seconds",
            "expires_on",
            "/api/v1/audit_events",
            "/api/v1/portal_links",
            "/health",
            "/metrics");
  }

  @Test
  void requestSchemas_requireWhatTheServerRequires_andRefuseUnknownFields() {
    JsonNode create = api.document.at("/components/schemas/CreateApiKeyRequest");
    assertThat(create.get("required"))
        .extracting(JsonNode::asText)
        .containsExactly("name", "api_id");
    assertThat(create.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(create.at("/properties/org_code/nullable").asBoolean()).isTrue();

    JsonNode one = api.document.at("/components/schemas/ApiKeyResponses.Details");
    assertThat(one.get("required")).extracting(JsonNode::asText).contains("id", "created_on");
    assertThat(one.get("required"))
        .extracting(JsonNode::asText)
        .doesNotContain("expires_on", "org_code", "last_verified_on");
    assertThat(one.has("additionalProperties")).isFalse();
  }

  private static List<String> parameters(JsonNode operation, String in) {
    List<String> names = new ArrayList<>();
    operation
        .path("parameters")
        .forEach(
            parameter -> {
              if (parameter.get("in").asText().equals(in)) {
                names.add(parameter.get("name").asText());
              }
            });
    return names;
  }

  private static void collectReferences(JsonNode node, List<String> references) {
    if (node.has("$ref")) {
      references.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectReferences(child, references));
  }
}
