package dev.keygate.adapter.rest;

import dev.keygate.domain.ConflictException;
import dev.keygate.domain.ForbiddenException;
import dev.keygate.domain.KeygateException;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers, all in the shape {@code
 * {"errors":[{"code","message"}]}}. Nothing unexpected reaches a caller beyond "internal error".
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
  private static final String WRITTEN = "keygate.error-written";

  private ErrorMapping() {}

  static void register(JavalinConfig config) {
    config.routes.exception(KeygateException.class, (e, ctx) -> answer(ctx, e));
    config.routes.exception(
        UnauthorizedException.class, (e, ctx) -> write(ctx, 401, "UNAUTHORIZED", e.getMessage()));
    config.routes.exception(
        HttpResponseException.class, (e, ctx) -> answerHttp(ctx, e.getStatus()));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
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
    // A sealed hierarchy: every business failure has exactly one answer here.
    if (e instanceof ValidationException) {
      write(ctx, 400, "INVALID_REQUEST", e.getMessage());
    } else if (e instanceof NotFoundException) {
      write(ctx, 404, "NOT_FOUND", e.getMessage());
    } else if (e instanceof ConflictException) {
      write(ctx, 409, "CONFLICT", e.getMessage());
    } else if (e instanceof ForbiddenException) {
      write(ctx, 403, "FORBIDDEN", e.getMessage());
    }
  }

  private static void answerHttp(Context ctx, int status) {
    switch (status) {
      case 404 -> write(ctx, 404, "ROUTE_NOT_FOUND", "the requested route does not exist");
      case 405 -> write(ctx, 405, "METHOD_NOT_ALLOWED", "the route does not take this method");
      case 413 -> write(ctx, 413, "PAYLOAD_TOO_LARGE", "request body must be at most 65536 bytes");
      case 415 ->
          write(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "request body must be application/json");
      default ->
          write(
              ctx,
              status >= 400 && status < 600 ? status : 400,
              "HTTP_" + status,
              "the request could not be served");
    }
  }

  static void write(Context ctx, int status, String code, String message) {
    ctx.attribute(WRITTEN, Boolean.TRUE);
    ctx.status(status);
    ctx.contentType("application/json");
    ctx.result(Json.write(ErrorResponse.of(code, message)));
  }
}
