package dev.keygate.adapter.rest;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One endpoint as it is both served and documented: the OpenAPI document is built from the same
 * records that register the handlers, so the two cannot drift apart.
 *
 * @param path a Javalin path such as {@code /api/v1/api_keys/{key_id}}
 * @param scope the management scope the caller needs, as documentation; the use case enforces it
 * @param request the JSON body's record type, or empty for none
 * @param optionalRequest whether the body may be left out
 * @param requestMediaType the body's content type: JSON, or a form for the OAuth token endpoint
 * @param response the answer's type: a record for JSON, {@code String} for text, a {@code Map} for
 *     free-form JSON; on Kinde's paths, exactly what Kinde's specification declares
 * @param extended the richer answer's record type, given with the {@link Extensions} opt-in, or
 *     empty when the answer is the same either way
 * @param mediaType the success answer's content type
 * @param status the success status
 * @param failures the answers besides the success that the shape of the route does not already tell
 *     (a conflict, a referenced object not found, an unhealthy dependency)
 * @param open whether anyone may call it, without a bearer, though its path is under {@code
 *     /api/v1}: a report a secret scanner signs, or a leaked token's revocation
 * @param listRequest whether the body is a JSON array of {@code request}, not one
 * @param listResponse whether the success answer is a JSON array of {@code response}, not one
 */
record Route(
    HandlerType method,
    String path,
    String summary,
    Optional<String> scope,
    Optional<Class<?>> request,
    boolean optionalRequest,
    String requestMediaType,
    Class<?> response,
    Optional<Class<?>> extended,
    String mediaType,
    int status,
    List<QueryParameter> query,
    List<Failure> failures,
    boolean open,
    boolean listRequest,
    boolean listResponse,
    Handler handler) {

  /** Everything below this path is the management API, behind a bearer management key. */
  static final String MANAGEMENT_API = "/api/v1";

  static final String JSON = "application/json";

  static final String FORM = "application/x-www-form-urlencoded";

  Route {
    query = List.copyOf(query);
    failures = List.copyOf(failures);
  }

  static Builder of(HandlerType method, String path, String summary) {
    return new Builder(method, path, summary);
  }

  /** Whether the route is behind the bearer management key. */
  boolean isManagement() {
    return isUnderManagementApi() && !open;
  }

  /** Whether the path is under {@code /api/v1}, behind a bearer or {@linkplain #open() not}. */
  boolean isUnderManagementApi() {
    return path.startsWith(MANAGEMENT_API + "/");
  }

  /** The names of the {@code {name}} segments of the path, in order. */
  List<String> pathParameters() {
    List<String> names = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        names.add(segment.substring(1, segment.length() - 1));
      }
    }
    return names;
  }

  /** A documented query parameter, optional unless {@code required}. */
  record QueryParameter(String name, String type, String description, boolean required) {

    QueryParameter(String name, String type, String description) {
      this(name, type, description, false);
    }
  }

  /**
   * An answer other than the success.
   *
   * @param body the answer's record type, {@link ErrorResponse} for failures
   */
  record Failure(int status, String when, Class<?> body) {}

  /** Reads route declarations top-down, as the routes classes write them. */
  static final class Builder {
    private final HandlerType method;
    private final String path;
    private final String summary;
    private Optional<String> scope = Optional.empty();
    private Optional<Class<?>> request = Optional.empty();
    private boolean optionalRequest;
    private String requestMediaType = JSON;
    private Optional<Class<?>> extended = Optional.empty();
    private String mediaType = JSON;
    private int status = 200;
    private List<QueryParameter> query = List.of();
    private final List<Failure> failures = new ArrayList<>();
    private boolean open;
    private boolean listRequest;
    private boolean listResponse;

    private Builder(HandlerType method, String path, String summary) {
      this.method = method;
      this.path = path;
      this.summary = summary;
    }

    Builder scope(String required) {
      this.scope = Optional.of(required);
      return this;
    }

    Builder body(Class<?> type) {
      this.request = Optional.of(type);
      return this;
    }

    /** The body is a form of the fields of {@code type}, not JSON. */
    Builder formBody(Class<?> type) {
      this.request = Optional.of(type);
      this.requestMediaType = FORM;
      return this;
    }

    Builder optionalBody(Class<?> type) {
      this.request = Optional.of(type);
      this.optionalRequest = true;
      return this;
    }

    /** Anyone may call it: no bearer is asked for, though its path is under {@code /api/v1}. */
    Builder open() {
      this.open = true;
      return this;
    }

    /** The body is a JSON array of {@code type}. */
    Builder bodyList(Class<?> type) {
      this.request = Optional.of(type);
      this.listRequest = true;
      return this;
    }

    Builder status(int success) {
      this.status = success;
      return this;
    }

    Builder query(QueryParameter... parameters) {
      this.query = List.of(parameters);
      return this;
    }

    /** The success answer is not JSON but, say, {@code text/plain}. */
    Builder produces(String contentType) {
      this.mediaType = contentType;
      return this;
    }

    /** The route may also answer {@code status} with an {@link ErrorResponse}, {@code when}. */
    Builder fails(int status, String when) {
      return fails(status, when, ErrorResponse.typeFor(status));
    }

    /** With the {@link Extensions} opt-in, the route answers {@code richer} instead. */
    Builder extended(Class<?> richer) {
      this.extended = Optional.of(richer);
      return this;
    }

    /** The route may also answer {@code status} with a {@code body}, {@code when}. */
    Builder fails(int status, String when, Class<?> body) {
      failures.add(new Failure(status, when, body));
      return this;
    }

    /** The success answer is a JSON array of {@code element}. */
    Route answersList(Class<?> element, Handler handler) {
      this.listResponse = true;
      return answers(element, handler);
    }

    Route answers(Class<?> response, Handler handler) {
      return new Route(
          method,
          path,
          summary,
          scope,
          request,
          optionalRequest,
          requestMediaType,
          response,
          extended,
          mediaType,
          status,
          query,
          failures,
          open,
          listRequest,
          listResponse,
          handler);
    }
  }
}
