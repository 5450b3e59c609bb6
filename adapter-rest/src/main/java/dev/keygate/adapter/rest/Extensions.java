package dev.keygate.adapter.rest;

import dev.keygate.domain.ValidationException;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The one opt-in to Keygate's richer answers: the request header {@code Keygate-Extensions: true}.
 * Without it, every answer on Kinde's paths carries exactly the fields Kinde's published
 * specification declares, so that a client generated from it, which refuses an undeclared field,
 * reads it; with it, the answer also carries what Keygate knows beyond that ({@code org_code},
 * {@code expires_on}, {@code revoked_on}, {@code has_more}, {@code created_on}, a user's {@code
 * name}, scope descriptions within an API). A header rather than a query parameter or a media type:
 * it stays out of URLs and access logs, a client sets it once for every call, and the answer stays
 * {@code application/json}, which Kinde's clients expect.
 */
final class Extensions {

  static final String HEADER = "Keygate-Extensions";

  private Extensions() {}

  /**
   * Whether the caller asked for Keygate's richer answers.
   *
   * @throws ValidationException naming the header when it is not {@code true} or {@code false}, or
   *     is given more than once
   */
  static boolean requested(Context ctx) {
    List<String> values = Collections.list(ctx.req().getHeaders(HEADER));
    if (values.isEmpty()) {
      return false;
    }
    if (values.size() > 1) {
      throw new ValidationException(HEADER + " is given more than once");
    }
    switch (values.get(0).strip().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new ValidationException(HEADER + " must be true or false");
    }
  }

  /** Answers {@code rich} to a caller who asked for it, Kinde's declared subset otherwise. */
  static <R> void answer(Context ctx, R rich, Function<R, ?> kinde) {
    ctx.json(requested(ctx) ? rich : kinde.apply(rich));
  }
}
