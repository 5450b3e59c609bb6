package dev.keygate.adapter.rest;

import dev.keygate.domain.KeygateException;
import dev.keygate.domain.LimitReachedException;
import dev.keygate.wire.WireJson;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers, in the shape Kinde gives the status ({@link
 * ErrorResponse#body}). Nothing unexpected reaches a caller beyond "internal error".
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  private static final String WRITTEN = "keygate.error-written";

  private ErrorMapping() {}

  static void register(JavalinConfig config) {
    // Jetty refuses some requests before Javalin sees them (an undecodable path, a URI or headers
    // too long); its own error page would be HTML, so it writes the same JSON shape here.
    config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    config.routes.exception(KeygateException.class, (e, ctx) -> answer(ctx, e));
    config.routes.exception(
        UnauthorizedException.class, (e, ctx) -> write(ctx, 401, "UNAUTHORIZED", e.getMessage()));
    config.routes.exception(
        BodyTooLargeException.class,
        (e, ctx) -> write(ctx, 413, "PAYLOAD_TOO_LARGE", e.getMessage()));
    config.routes.exception(
        HttpResponseException.class, (e, ctx) -> answerHttp(ctx, e.getStatus()));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), LoggedPath.of(ctx.path()), e);
          write(ctx, 500, "INTERNAL_ERROR", "the request could not be completed");
        });
    for (int status : new int[] {404, 405, 413, 415}) {
      config.routes.error(
          status,
          ctx -> {
            if (ctx.attribute(WRITTEN) == null) {
              answerHttp(ctx, status);
            }
          });
    }
  }

  private static void answer(Context ctx, KeygateException e) {
    if (e instanceof LimitReachedException limit) {
      ctx.header("Retry-After", retryAfterSeconds(limit));
    }
    BusinessAnswer answer = answerTo(e.kind());
    write(ctx, answer.status(), answer.code(), e.getMessage());
  }

  /** The status and error code of a business failure. */
  record BusinessAnswer(int status, String code) {}

  /** The one answer to each kind of business failure. */
  static BusinessAnswer answerTo(KeygateException.Kind kind) {
    // Exhaustive by the compiler: a switch expression over an enum without a default must name
    // every constant, so a new kind of failure does not compile until it has its answer here. And
    // KeygateException is sealed, each permitted class fixing its kind, so no failure lacks one.
    return switch (kind) {
      case INVALID -> new BusinessAnswer(400, "INVALID_REQUEST");
      case FORBIDDEN -> new BusinessAnswer(403, "FORBIDDEN");
      case NOT_FOUND -> new BusinessAnswer(404, "NOT_FOUND");
      case CONFLICT -> new BusinessAnswer(409, "CONFLICT");
      case LIMIT_REACHED -> new BusinessAnswer(429, "TOO_MANY_REQUESTS");
    };
  }

  /**
   * The Retry-After header's whole seconds, rounded up: a client that waits as told is not refused
   * again for having come back early.
   */
  static String retryAfterSeconds(LimitReachedException e) {
    long millis = e.retryAfter().toMillis();
    return Long.toString(Math.max(1, (millis + 999) / 1000));
  }

  private static void answerHttp(Context ctx, int status) {
    int answered = status >= 400 && status < 600 ? status : 400;
    ErrorResponse.Error error = httpError(status);
    write(ctx, answered, error.code(), error.message());
  }

  /** The error for a failure of HTTP itself rather than of the call. */
  static ErrorResponse.Error httpError(int status) {
    return switch (status) {
      case 400 -> new ErrorResponse.Error("BAD_REQUEST", "the request could not be read");
      case 404 -> new ErrorResponse.Error("ROUTE_NOT_FOUND", "the requested route does not exist");
      case 405 ->
          new ErrorResponse.Error("METHOD_NOT_ALLOWED", "the route does not take this method");
      case 413 ->
          new ErrorResponse.Error("PAYLOAD_TOO_LARGE", "request body must be at most 65536 bytes");
      case 414 -> new ErrorResponse.Error("URI_TOO_LONG", "the request URI is too long");
      case 415 ->
          new ErrorResponse.Error(
              "UNSUPPORTED_MEDIA_TYPE", "request body must be application/json");
      case 431 -> new ErrorResponse.Error("HEADERS_TOO_LARGE", "the request headers are too large");
      default -> new ErrorResponse.Error("HTTP_" + status, "the request could not be served");
    };
  }

  /** Jetty's error answers, in the API's JSON shape and without Jetty's page or details. */
  private static final class JettyErrors extends ErrorHandler {

    /** Every method gets the error body; Jetty's default writes one for GET, POST and HEAD only. */
    @Override
    public boolean errorPageForMethod(String method) {
      return true;
    }

    @Override
    protected void generateResponse(
        Request request,
        Response response,
        int code,
        String message,
        Throwable cause,
        Callback callback) {
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    private static byte[] body(int status) {
      ErrorResponse.Error error = httpError(status);
      return WireJson.write(ErrorResponse.body(status, error.code(), error.message()))
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  static void write(Context ctx, int status, String code, String message) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(WireJson.write(ErrorResponse.body(status, code, message)));
  }
}
