package dev.keygate.adapter.rest;

import dev.keygate.application.port.in.ListGrantsUseCase;
import dev.keygate.application.port.in.RemoveGrantUseCase;
import dev.keygate.application.port.in.SetGrantCommand;
import dev.keygate.application.port.in.SetGrantUseCase;
import dev.keygate.domain.NotFoundException;
import dev.keygate.domain.ValidationException;
import dev.keygate.domain.grant.Grant;
import dev.keygate.domain.owner.OrgCode;
import dev.keygate.domain.owner.Owner;
import dev.keygate.domain.owner.UserId;
import dev.keygate.wire.GrantResponses;
import dev.keygate.wire.SuccessResponse;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code /api/v1/organizations/{org_code}/grants} and {@code /api/v1/users/{user_id}/grants}: what
 * the operator lets each owner hold, API by API. Keygate's extension.
 */
public final class GrantRoutes implements RouteGroup {

  private final ListGrantsUseCase list;
  private final SetGrantUseCase set;
  private final RemoveGrantUseCase remove;

  public GrantRoutes(ListGrantsUseCase list, SetGrantUseCase set, RemoveGrantUseCase remove) {
    this.list = list;
    this.set = set;
    this.remove = remove;
  }

  @Override
  public List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    routes.addAll(
        routesOf("/api/v1/organizations/{org_code}/grants", "organization", GrantRoutes::org));
    routes.addAll(routesOf("/api/v1/users/{user_id}/grants", "user", GrantRoutes::user));
    return routes;
  }

  private List<Route> routesOf(String grants, String whose, Function<Context, Owner> owner) {
    String grant = grants + "/{api_id}";
    return List.of(
        Route.of(HandlerType.GET, grants, "List what an " + whose + " may hold (extension)")
            .scope("read:grants")
            .answers(GrantResponses.GrantsListed.class, ctx -> list(ctx, owner.apply(ctx))),
        Route.of(
                HandlerType.PUT,
                grant,
                "Let an " + whose + " hold these scopes of an API, and no other (extension)")
            .scope("update:grants")
            .body(SetGrantRequest.class)
            .fails(404, "The " + whose + " or the api does not exist.")
            .answers(GrantResponses.GrantSet.class, ctx -> set(ctx, owner.apply(ctx))),
        Route.of(
                HandlerType.DELETE,
                grant,
                "Take an API out of what an " + whose + " may hold; issued keys stay (extension)")
            .scope("update:grants")
            .fails(404, "The " + whose + " does not exist, or holds no grant of the api.")
            .answers(SuccessResponse.class, ctx -> remove(ctx, owner.apply(ctx))));
  }

  private void list(Context ctx, Owner owner) {
    List<Grant> grants = list.list(Principals.of(ctx), owner);
    ctx.json(GrantResponses.listed(grants));
  }

  private void set(Context ctx, Owner owner) {
    SetGrantRequest request = Requests.body(ctx, SetGrantRequest.class);
    for (int i = 0; i < request.scopeIds().size(); i++) {
      if (request.scopeIds().get(i) == null) {
        throw new ValidationException("scope_ids[" + i + "] must not be null");
      }
    }
    Grant grant =
        set.set(
            Principals.of(ctx),
            new SetGrantCommand(owner, Requests.apiId(ctx), request.scopeIds()));
    ctx.json(GrantResponses.set(grant));
  }

  private void remove(Context ctx, Owner owner) {
    remove.remove(Principals.of(ctx), owner, Requests.apiId(ctx));
    ctx.json(SuccessResponse.OK);
  }

  /** A path code that is not even shaped like one names nothing: not found, like unknown ones. */
  private static Owner org(Context ctx) {
    try {
      return new Owner.Org(new OrgCode(ctx.pathParam("org_code")));
    } catch (ValidationException malformed) {
      throw new NotFoundException("organization not found");
    }
  }

  private static Owner user(Context ctx) {
    try {
      return new Owner.User(new UserId(ctx.pathParam("user_id")));
    } catch (ValidationException malformed) {
      throw new NotFoundException("user not found");
    }
  }
}
