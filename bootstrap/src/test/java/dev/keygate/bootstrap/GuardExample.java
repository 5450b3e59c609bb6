package dev.keygate.bootstrap;

import dev.keygate.adapter.rest.KeygateGuard;
import io.javalin.Javalin;

/** The README's "Guard your own routes" example, verbatim between the markers. */
final class GuardExample {

  private GuardExample() {}

  static Javalin ordersApp(Keygate keygate) {
    // README:start
    KeygateGuard guard = KeygateGuard.of(keygate.useCases().verifyApiKey(), keygate.operator());

    Javalin app =
        Javalin.create(
            config -> {
              config.routes.before("/orders", guard.require("read:orders"));
              config.routes.get(
                  "/orders",
                  ctx -> {
                    KeygateGuard.VerifiedKey key = KeygateGuard.verifiedKey(ctx);
                    ctx.result("orders of " + key.owner().id());
                  });
            });
    // README:end
    return app;
  }
}
