package dev.keygate.adapter.rest;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
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
 * @param response the JSON answer's record type
 * @param status the success status
 */
record Route(
    HandlerType method,
    String path,
    String summary,
    Optional<String> scope,
    Optional<Class<?>> request,
    boolean optionalRequest,
    Class<?> response,
    int status,
    List<QueryParameter> query,
    Handler handler) {

  Route {
    query = List.copyOf(query);
  }

  static Builder of(HandlerType method, String path, String summary) {
    return new Builder(method, path, summary);
  }

  /** A documented query parameter; every one is optional. */
  record QueryParameter(String name, String type, String description) {}

  /** Reads route declarations top-down, as the routes classes write them. */
  static final class Builder {
    private final HandlerType method;
    private final String path;
    private final String summary;
    private Optional<String> scope = Optional.empty();
    private Optional<Class<?>> request = Optional.empty();
    private boolean optionalRequest;
    private int status = 200;
    private List<QueryParameter> query = List.of();

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

    Builder optionalBody(Class<?> type) {
      this.request = Optional.of(type);
      this.optionalRequest = true;
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

    Route answers(Class<?> response, Handler handler) {
      return new Route(
          method, path, summary, scope, request, optionalRequest, response, status, query, handler);
    }
  }
}
