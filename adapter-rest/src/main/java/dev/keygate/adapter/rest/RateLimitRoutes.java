package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.OwnerRateLimitsUseCase;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.policy.RateLimit;
import dev.keygate.wire.PolicyResponses;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code /api/v1/organizations/{org_code}/rate_limits} and {@code
 * /api/v1/users/{user_id}/rate_limits}: the limits all keys of an owner share, every verification
 * of any of them counting against each. Keygate's extension.
 */
public final class RateLimitRoutes implements RouteGroup {

  private final OwnerRateLimitsUseCase rateLimits;

  public RateLimitRoutes(OwnerRateLimitsUseCase rateLimits) {
    this.rateLimits = rateLimits;
  }

  @Override
  public List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    routes.addAll(
        routesOf(
            "/api/v1/organizations/{org_code}/rate_limits",
            "organization",
            ctx -> new Owner.Org(Requests.orgCode(ctx))));
    routes.addAll(
        routesOf(
            "/api/v1/users/{user_id}/rate_limits",
            "user",
            ctx -> new Owner.User(Requests.userId(ctx))));
    return routes;
  }

  private List<Route> routesOf(String path, String whose, Function<Context, Owner> owner) {
    return List.of(
        Route.of(
                HandlerType.GET,
                path,
                "The rate limits all keys of an " + whose + " share (extension)")
            .scope("read:api_keys")
            .fails(404, "No such " + whose + ", or it is out of the management key's reach.")
            .answers(PolicyResponses.RateLimitsAnswer.class, ctx -> get(ctx, owner.apply(ctx))),
        Route.of(
                HandlerType.PUT,
                path,
                "Set the rate limits all keys of an "
                    + whose
                    + " share, instead of the present ones; an empty list removes them. The"
                    + " operator's alone (extension)")
            .scope("update:api_keys")
            .body(SetRateLimitsRequest.class)
            .fails(403, "The management key is not the operator's: only the operator sets them.")
            .fails(404, "No such " + whose + ".")
            .answers(PolicyResponses.RateLimitsAnswer.class, ctx -> set(ctx, owner.apply(ctx))));
  }

  private void get(Context ctx, Owner owner) {
    ctx.json(PolicyResponses.rateLimitsAnswer(rateLimits.get(Principals.of(ctx), owner)));
  }

  private void set(Context ctx, Owner owner) {
    SetRateLimitsRequest request = Requests.body(ctx, SetRateLimitsRequest.class);
    List<RateLimit> limits = PolicyRequests.rateLimits("rate_limits", request.rateLimits());
    ctx.json(PolicyResponses.rateLimitsAnswer(rateLimits.set(Principals.of(ctx), owner, limits)));
  }
}
