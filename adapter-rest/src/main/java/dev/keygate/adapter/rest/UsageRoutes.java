package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.GetUsageUseCase;
import dev.keygate.application.port.in.UsagePeriod;
import dev.keygate.domain.owner.Owner;
import dev.keygate.wire.PolicyResponses;
import dev.keygate.wire.WireNames;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * {@code /api/v1/api_keys/{key_id}/usage}, {@code /api/v1/organizations/{org_code}/usage} and
 * {@code /api/v1/users/{user_id}/usage}: verifications by outcome, the last 24 hours by hour or the
 * last 30 days by day. Keygate's extension.
 */
public final class UsageRoutes implements RouteGroup {

  private static final Route.QueryParameter PERIOD =
      new Route.QueryParameter(
          "period", "string", "24h (the default: 24 hourly buckets) or 30d (30 daily buckets)");

  private static final String FAILS = ", or it is out of the management key's reach.";

  private final GetUsageUseCase usage;

  public UsageRoutes(GetUsageUseCase usage) {
    this.usage = usage;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of(
                HandlerType.GET,
                "/api/v1/api_keys/{key_id}/usage",
                "Verifications of a key by outcome, per hour or day, oldest first (extension)")
            .scope("read:api_keys")
            .query(PERIOD)
            .fails(404, "No such key" + FAILS)
            .answers(PolicyResponses.UsageAnswer.class, this::ofKey),
        Route.of(
                HandlerType.GET,
                "/api/v1/organizations/{org_code}/usage",
                "Verifications of all keys of an organization by outcome, per hour or day"
                    + " (extension)")
            .scope("read:api_keys")
            .query(PERIOD)
            .fails(404, "No such organization" + FAILS)
            .answers(
                PolicyResponses.UsageAnswer.class,
                ctx -> ofOwner(ctx, new Owner.Org(Requests.orgCode(ctx)))),
        Route.of(
                HandlerType.GET,
                "/api/v1/users/{user_id}/usage",
                "Verifications of all keys of a user by outcome, per hour or day (extension)")
            .scope("read:api_keys")
            .query(PERIOD)
            .fails(404, "No such user" + FAILS)
            .answers(
                PolicyResponses.UsageAnswer.class,
                ctx -> ofOwner(ctx, new Owner.User(Requests.userId(ctx)))));
  }

  private void ofKey(Context ctx) {
    ctx.json(
        PolicyResponses.usage(usage.ofKey(Principals.of(ctx), Requests.keyId(ctx), period(ctx))));
  }

  private void ofOwner(Context ctx, Owner owner) {
    ctx.json(PolicyResponses.usage(usage.ofOwner(Principals.of(ctx), owner, period(ctx))));
  }

  private static UsagePeriod period(Context ctx) {
    return Requests.query(ctx, "period")
        .map(value -> WireNames.usagePeriod("period", value))
        .orElse(UsagePeriod.LAST_24_HOURS);
  }
}
