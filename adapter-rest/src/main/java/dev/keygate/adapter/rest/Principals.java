package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.Principal;
import io.javalin.http.Context;

/** Where the authenticated caller of a management request is kept for its handler. */
final class Principals {

  private static final String ATTRIBUTE = "keygate.principal";

  private Principals() {}

  static void set(Context ctx, Principal principal) {
    ctx.attribute(ATTRIBUTE, principal);
  }

  static Principal of(Context ctx) {
    Principal principal = ctx.attribute(ATTRIBUTE);
    if (principal == null) {
      throw new IllegalStateException("management route reached without authentication");
    }
    return principal;
  }
}
