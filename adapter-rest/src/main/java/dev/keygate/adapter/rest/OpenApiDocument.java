package dev.keygate.adapter.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.keygate.wire.WireJson;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3.0.3 description of the routes, built from the same records that serve them: paths
 * and parameters from the route templates, bodies and answers from the record types by reflection,
 * named exactly as {@link WireJson} writes them.
 */
final class OpenApiDocument {

  static final String PATH = "/openapi.json";

  private static final String BEARER = "managementKey";
  private static final String SCHEMAS = "#/components/schemas/";

  /** Where a success answer documents its richer schema, given with {@link Extensions}. */
  static final String EXTENDED = "x-keygate-extended";

  private static final Set<String> PARAMETER_TYPES =
      Set.of("string", "integer", "number", "boolean");

  private static final String DESCRIPTION =
      """
      Keygate issues, rotates, verifies and revokes API keys.

      The `/api/v1` endpoints are compatible with Kinde's management API: on Kinde's paths, \
      exactly the fields, types, codes and status codes Kinde's published specification \
      declares, so a client generated from it works unchanged.

      Keygate's richer answers (such as `org_code`, `expires_on` and `revoked_on` of a key, \
      `has_more` and `created_on` in the lists of organizations and users, a user's `name`, \
      the descriptions of an API's scopes) are one opt-in away: send the request header \
      `Keygate-Extensions: true`. An operation whose answer it changes documents the header, and \
      the richer schema as `x-keygate-extended` of its success answer; with the opt-in, every \
      answer is the default answer plus Keygate's fields.

      Keygate extensions, beyond Kinde:
      - `PATCH /api/v1/api_keys/{key_id}`: rename, disable, enable or set the expiry or the \
      usage policy of a key;
      - a key's usage policy, `rate_limits`, `credits` and `ip_allowlist`, when creating or \
      changing it; only the operator may loosen one;
      - `POST /api/v1/api_keys/verify` also takes `required_scopes`, `api_id`, `client_ip` and \
      `cost`, may answer `API_KEY_IP_NOT_ALLOWED`, `API_KEY_RATE_LIMITED` (with a `Retry-After` \
      header) and `API_KEY_USAGE_EXCEEDED`, and with the opt-in `rate_limit` and \
      `credits_remaining`;
      - `GET|PUT /api/v1/organizations/{org_code}/rate_limits` and \
      `/api/v1/users/{user_id}/rate_limits`: limits all keys of an owner share;
      - `GET /api/v1/api_keys/{key_id}/usage`, `/api/v1/organizations/{org_code}/usage` and \
      `/api/v1/users/{user_id}/usage`: verifications by outcome, per hour or per day;
      - `PUT /api/v1/api_keys/{key_id}` (rotate) takes an optional body \
      `{previous_key_expires_in_seconds}`: how long the previous secret keeps working;
      - `expires_on` when creating a key; `code` when creating an organization and `id`, \
      `name` and `email` when creating a user; `starting_after` on the lists of organizations \
      and users, besides Kinde's `next_token`;
      - `GET /api/v1/audit_events` and `POST /api/v1/portal_links`;
      - `POST /api/v1/applications/{application_id}/rotate_secret`: a new client secret for an M2M \
      application, shown once;
      - webhooks, in Kinde's shapes at `/api/v1/webhooks` (`org_code` when creating one; with \
      the opt-in, its `signing_secret` once, at creation); `GET /api/v1/webhooks/{webhook_id}`, \
      `POST /api/v1/webhooks/{webhook_id}/rotate_secret` (a new signing secret, shown once), \
      `GET /api/v1/webhooks/{webhook_id}/deliveries` and `POST \
      /api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver`. Events are signed as \
      Standard Webhooks sign them (`webhook-id`, `webhook-timestamp`, `webhook-signature`);
      - without a management key: `POST /api/v1/secret_scanning` receives GitHub's secret \
      scanning reports (signed by GitHub; a key found is handled by the deployment's leak \
      policy), and `POST /api/v1/api_keys/revoke_leaked` revokes leaked tokens for whoever holds \
      them (`{"tokens":[…]}`, 202 whatever they were; limited per client network);
      - `GET /health` (database ping), `GET /health/live`, `GET /metrics` (Prometheus; unless \
      served on a listener of its own or turned off), this document at `GET /openapi.json` and \
      Swagger UI at `/docs`.

      Management calls carry `Authorization: Bearer <management key>`: a Keygate key for the \
      `keygate-management` API whose scopes are the management scopes, or an access token of an \
      M2M application from `POST /oauth2/token` (client credentials, form-encoded) for the \
      audience `{public base URL}/api` or `keygate-management`; `/.well-known/jwks.json` \
      publishes the keys that verify such tokens. Errors answer \
      `{"errors":[{"code":"…","message":"…"}]}`, except a 404, which answers \
      `{"errors":{"code":"…","message":"…"}}`, as Kinde's `not_found_response`. Timestamps are \
      ISO-8601 UTC. A field without a value is left out, never `null`. A body field or a query \
      parameter the operation does not declare is refused (400, naming it), and so is a filter \
      Kinde declares that Keygate cannot apply: it is never silently ignored.
      """;

  private OpenApiDocument() {}

  /** The {@code /openapi.json} route, answering the description of {@code served} and of itself. */
  static Route route(List<Route> served) {
    List<Route> all = new ArrayList<>(served);
    all.add(declaration().answers(Map.class, ctx -> {}));
    String document = WireJson.write(describe(all));
    Handler handler = ctx -> ctx.contentType(Route.JSON).result(document);
    return declaration().answers(Map.class, handler);
  }

  private static Route.Builder declaration() {
    return Route.of(HandlerType.GET, PATH, "This OpenAPI document");
  }

  static Map<String, Object> describe(List<Route> routes) {
    Schemas schemas = new Schemas();
    Set<String> operationIds = new HashSet<>();
    Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
    for (Route route : routes) {
      Map<String, Object> operation = operation(route, schemas);
      if (!operationIds.add((String) operation.get("operationId"))) {
        throw new IllegalArgumentException(
            "operationId " + operation.get("operationId") + " names two routes");
      }
      paths
          .computeIfAbsent(route.path(), path -> new LinkedHashMap<>())
          .put(route.method().name().toLowerCase(Locale.ROOT), operation);
    }

    Map<String, Object> info = new LinkedHashMap<>();
    info.put("title", "Keygate");
    info.put("version", "1");
    info.put("description", DESCRIPTION);

    Map<String, Object> bearer = new LinkedHashMap<>();
    bearer.put("type", "http");
    bearer.put("scheme", "bearer");
    bearer.put(
        "description",
        "A Keygate management key (a key for the keygate-management API whose scopes are the"
            + " management scopes it may use), or an M2M application's access token from"
            + " POST /oauth2/token.");

    Map<String, Object> components = new LinkedHashMap<>();
    components.put("schemas", schemas.emit());
    components.put("securitySchemes", Map.of(BEARER, bearer));

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.0.3");
    document.put("info", info);
    document.put("paths", paths);
    document.put("components", components);
    return document;
  }

  private static Map<String, Object> operation(Route route, Schemas schemas) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("tags", List.of(tag(route)));
    operation.put("operationId", operationId(route));
    operation.put("summary", route.summary());
    operation.put(
        "description",
        route
            .scope()
            .map(scope -> "Requires the management scope `" + scope + "`.")
            .orElse(route.isManagement() ? "Requires a management key." : "No authentication."));
    route.scope().ifPresent(scope -> operation.put("x-scope", scope));

    List<Map<String, Object>> parameters = new ArrayList<>();
    for (String name : route.pathParameters()) {
      parameters.add(parameter(name, "path", true, "string", Optional.empty()));
    }
    for (Route.QueryParameter query : route.query()) {
      parameters.add(
          parameter(
              query.name(),
              "query",
              query.required(),
              query.type(),
              Optional.of(query.description())));
    }
    route
        .extended()
        .ifPresent(
            richer ->
                parameters.add(
                    header(
                        Extensions.HEADER,
                        "true: answer Keygate's richer `x-keygate-extended` schema, Kinde's"
                            + " fields and Keygate's own; false or left out: exactly Kinde's.")));
    if (!parameters.isEmpty()) {
      operation.put("parameters", parameters);
    }

    route
        .request()
        .ifPresent(
            type -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("required", !route.optionalRequest());
              body.put(
                  "content",
                  ordered(
                      route.requestMediaType(),
                      ordered("schema", listOr(route.listRequest(), schemas.request(type)))));
              operation.put("requestBody", body);
            });

    Map<String, Object> responses = new TreeMap<>();
    Map<String, Object> success =
        response(
            HttpStatus.forStatus(route.status()).getMessage(),
            route.mediaType(),
            listOr(route.listResponse(), schemas.response(route.response())));
    route
        .extended()
        .ifPresent(
            richer ->
                success.put(
                    EXTENDED,
                    ordered(
                        "description",
                        "The answer with `" + Extensions.HEADER + ": true`.",
                        "schema",
                        schemas.response(richer))));
    responses.put(String.valueOf(route.status()), success);
    failures(route)
        .forEach(
            failure ->
                responses.put(
                    String.valueOf(failure.status()),
                    response(failure.when(), Route.JSON, schemas.response(failure.body()))));
    operation.put("responses", responses);

    if (route.isManagement()) {
      operation.put("security", List.of(Map.of(BEARER, List.of())));
    }
    return operation;
  }

  /**
   * The failures the shape of the route tells (authentication, scope, body, parameters), then those
   * it declares; a declared status replaces a told one.
   */
  private static Collection<Route.Failure> failures(Route route) {
    Map<Integer, Route.Failure> failures = new TreeMap<>();
    boolean hasBody = route.request().isPresent();
    if (hasBody || !route.query().isEmpty() || route.isManagement()) {
      // A management route refuses a query parameter it does not declare, and a bad opt-in.
      told(
          failures,
          400,
          "Bad JSON, a bad or undeclared field or parameter, or a bad "
              + Extensions.HEADER
              + " header; the message names it.");
    }
    if (route.isManagement()) {
      told(failures, 401, "No bearer management key, or not a valid one.");
      // The management key itself is verified, so every management call can meet the limits.
      told(
          failures,
          429,
          "Every Argon2 slot is busy, or the key's lookup failed too often lately; the"
              + " Retry-After header says how many seconds to wait.");
    }
    if (route.scope().isPresent()) {
      told(failures, 403, "The management key lacks the scope, or may not do this.");
    }
    if (!route.pathParameters().isEmpty()) {
      told(failures, 404, "No such object, or it is out of the management key's reach.");
    }
    if (hasBody) {
      told(failures, 413, "The body is over " + RestServer.MAX_REQUEST_BYTES / 1024 + " KiB.");
    }
    if (hasBody && route.isManagement()) {
      told(failures, 415, "The body is not application/json.");
    }
    route.failures().forEach(failure -> failures.put(failure.status(), failure));
    return failures.values();
  }

  /** {@code schema}, or an array of it. */
  private static Map<String, Object> listOr(boolean list, Map<String, Object> schema) {
    return list ? ordered("type", "array", "items", schema) : schema;
  }

  private static void told(Map<Integer, Route.Failure> failures, int status, String when) {
    failures.put(status, new Route.Failure(status, when, ErrorResponse.typeFor(status)));
  }

  private static Map<String, Object> response(
      String description, String mediaType, Map<String, Object> schema) {
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("description", description);
    response.put("content", ordered(mediaType, ordered("schema", schema)));
    return response;
  }

  /**
   * A JSON object whose keys keep the order given, so that the document reads the same on every
   * run.
   */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  private static Map<String, Object> header(String name, String description) {
    Map<String, Object> parameter = new LinkedHashMap<>();
    parameter.put("name", name);
    parameter.put("in", "header");
    parameter.put("required", false);
    parameter.put("description", description);
    parameter.put("schema", ordered("type", "boolean"));
    return parameter;
  }

  private static Map<String, Object> parameter(
      String name, String in, boolean required, String type, Optional<String> description) {
    if (!PARAMETER_TYPES.contains(type)) {
      throw new IllegalArgumentException("parameter " + name + " has no OpenAPI type " + type);
    }
    Map<String, Object> parameter = new LinkedHashMap<>();
    parameter.put("name", name);
    parameter.put("in", in);
    parameter.put("required", required);
    description.ifPresent(text -> parameter.put("description", text));
    parameter.put("schema", ordered("type", type));
    return parameter;
  }

  /** The resource after {@code /api/v1}, such as {@code api_keys}; the rest are operations. */
  private static String tag(Route route) {
    if (!route.isUnderManagementApi()) {
      return "operations";
    }
    return route.path().substring(Route.MANAGEMENT_API.length() + 1).split("/")[0];
  }

  /**
   * The method and the path in camel case, without {@code /api/v1}: {@code GET
   * /api/v1/api_keys/{key_id}} is {@code getApiKeysByKeyId}.
   */
  static String operationId(Route route) {
    String path =
        route.isUnderManagementApi()
            ? route.path().substring(Route.MANAGEMENT_API.length())
            : route.path();
    StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.contains("<") || segment.contains("*")) {
        throw new IllegalArgumentException("no OpenAPI path for " + route.path());
      }
      boolean parameter = segment.startsWith("{");
      if (parameter) {
        id.append("By");
      }
      for (String word : segment.split("[^A-Za-z0-9]+")) {
        if (!word.isEmpty()) {
          id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
      }
    }
    return id.toString();
  }

  /**
   * The record types the operations use, each described once in {@code components/schemas}. A
   * record is either a request shape or a response shape: a request lists as required only its
   * {@link Required} fields and refuses unknown ones, as {@link JsonBodies#read} does; a response
   * requires everything but its {@code Optional} fields, which {@link WireJson} leaves out when
   * empty.
   */
  private static final class Schemas {
    private final Map<Class<?>, Boolean> requests = new LinkedHashMap<>();
    private final Map<String, Class<?>> names = new TreeMap<>();

    Map<String, Object> request(Class<?> type) {
      return of(type, true);
    }

    Map<String, Object> response(Class<?> type) {
      return of(type, false);
    }

    private Map<String, Object> of(Type type, boolean request) {
      register(type, request);
      return schema(type);
    }

    /** Notes {@code type}'s records and those nested in them, as requests or responses. */
    private void register(Type type, boolean request) {
      if (type instanceof ParameterizedType parameterized) {
        Arrays.stream(parameterized.getActualTypeArguments())
            .forEach(argument -> register(argument, request));
        return;
      }
      if (!(type instanceof Class<?> record) || !record.isRecord()) {
        return;
      }
      Boolean known = requests.get(record);
      if (known != null) {
        if (known != request) {
          throw new IllegalArgumentException(
              record.getName() + " is used both as a request and as a response");
        }
        return;
      }
      Class<?> named = names.putIfAbsent(name(record), record);
      if (named != null) {
        throw new IllegalArgumentException(
            "two records named " + name(record) + ": " + named + " and " + record);
      }
      requests.put(record, request);
      for (RecordComponent component : record.getRecordComponents()) {
        register(component.getGenericType(), request);
      }
    }

    Map<String, Object> emit() {
      Map<String, Object> schemas = new TreeMap<>();
      names.forEach((name, record) -> schemas.put(name, record(record, requests.get(record))));
      return schemas;
    }

    private Map<String, Object> record(Class<?> record, boolean request) {
      Map<String, Object> properties = new LinkedHashMap<>();
      List<String> required = new ArrayList<>();
      for (RecordComponent component : record.getRecordComponents()) {
        String name = WireJson.propertyName(component);
        Type type = component.getGenericType();
        boolean optional = isOptional(type);
        Map<String, Object> property =
            new LinkedHashMap<>(schema(optional ? argument(type) : type));
        boolean isRequired = request ? component.isAnnotationPresent(Required.class) : !optional;
        if (isRequired) {
          required.add(name);
        } else if (request && !component.getType().isPrimitive() && !property.containsKey("$ref")) {
          // JsonBodies reads null as left out.
          property.put("nullable", true);
        }
        properties.put(name, property);
      }
      JsonIgnoreProperties ignored = record.getAnnotation(JsonIgnoreProperties.class);
      if (request && ignored != null) {
        // Kinde declares them; Keygate reads them as JsonBodies does: accepted and ignored.
        for (String name : ignored.value()) {
          properties.put(name, ordered("description", "Kinde's field: accepted and ignored."));
        }
      }
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "object");
      schema.put("properties", properties);
      if (!required.isEmpty()) {
        schema.put("required", required);
      }
      if (request) {
        schema.put("additionalProperties", false);
      }
      return schema;
    }

    private static Map<String, Object> schema(Type type) {
      if (type instanceof ParameterizedType parameterized) {
        Class<?> raw = (Class<?>) parameterized.getRawType();
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
          return ordered("type", "array", "items", schema(argument(type)));
        }
        if (Map.class.isAssignableFrom(raw)) {
          return ordered(
              "type",
              "object",
              "additionalProperties",
              schema(parameterized.getActualTypeArguments()[1]));
        }
        throw new IllegalArgumentException("no OpenAPI schema for " + type);
      }
      Class<?> c = (Class<?>) type;
      if (c == String.class) {
        return ordered("type", "string");
      }
      if (c == boolean.class || c == Boolean.class) {
        return ordered("type", "boolean");
      }
      if (c == int.class || c == Integer.class) {
        return ordered("type", "integer", "format", "int32");
      }
      if (c == long.class || c == Long.class) {
        return ordered("type", "integer", "format", "int64");
      }
      if (c == double.class || c == Double.class) {
        return ordered("type", "number", "format", "double");
      }
      if (c == Instant.class) {
        return ordered("type", "string", "format", "date-time");
      }
      if (c.isEnum()) {
        return ordered(
            "type",
            "string",
            "enum",
            Arrays.stream(c.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
      }
      if (c.isRecord()) {
        return ordered("$ref", SCHEMAS + name(c));
      }
      if (c == Map.class) {
        return ordered("type", "object");
      }
      throw new IllegalArgumentException("no OpenAPI schema for " + c.getName());
    }

    private static boolean isOptional(Type type) {
      return type instanceof ParameterizedType parameterized
          && parameterized.getRawType() == Optional.class;
    }

    private static Type argument(Type type) {
      return ((ParameterizedType) type).getActualTypeArguments()[0];
    }

    /** {@code ApiKeyResponses.Created}: the class name within its package. */
    private static String name(Class<?> record) {
      String packageName = record.getPackageName();
      String name = record.getName();
      return (packageName.isEmpty() ? name : name.substring(packageName.length() + 1))
          .replace('$', '.');
    }
  }
}
